package org.village.e2e;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.village.TestAccounts;
import org.village.TestText;

/**
 * Not a test (the name matches neither *Test nor *IT): the server heap one live browser session costs with a chat room
 * open (issue 11, target ≤ 150 KB). One headless Chromium opens {@code bench.sessions} tabs; before each, the cookies
 * are dropped and the parent signs in again, so every tab is its own HTTP session, Vaadin session and UI, with push
 * open and the room's last 50 messages on screen. Heap used after full GCs is read in this JVM (the portal runs in
 * it) before and after; the difference divided by the number of sessions is the figure.
 *
 * Run: ./mvnw -B -o test-compile failsafe:integration-test -Dit.test=ChatHeapBenchmark -Dvillage.own-context.skip=true
 *      (-Dbench.sessions=20)
 */
class ChatHeapBenchmark extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    private static long heapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        var samples = new ArrayList<Long>();
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(300);
            samples.add(memory.getHeapMemoryUsage().getUsed());
        }
        Collections.sort(samples);
        return samples.get(samples.size() / 2);
    }

    @Test
    void measure() throws Exception {
        int sessions = Integer.getInteger("bench.sessions", 20);
        // another page instead, to compare (e.g. -Dbench.page=help-now: what any page of the portal costs)
        String other = System.getProperty("bench.page", "");
        // true: every tab in the one signed-in session (what one more open page costs, without the sign-in's own)
        boolean sameSession = Boolean.getBoolean("bench.same-session");
        String suffix = TestText.letters(10);
        String user = "chat.heap." + suffix;
        long author = TestAccounts.copy(jdbc, "parent.a", user, "Heap " + TestText.letters(6), "PARENT");
        String code = "heap-" + suffix;
        jdbc.sql("INSERT INTO chat_room (code, name, description, audience, always_open, hours_text, created_at) "
                + "VALUES (?, ?, '', 'EVERYONE', TRUE, '', NOW(6))").params(code, TestText.unique("Heap room")).update();
        long room = jdbc.sql("SELECT id FROM chat_room WHERE code = ?").param(code).query(Long.class).single();
        // 80 messages of ordinary length: the page shows the last 50
        for (int seq = 1; seq <= 80; seq++) {
            String words = "A message of ordinary length about the day, the school and the worker " + TestText.letters(12);
            jdbc.sql("INSERT INTO chat_message (room_id, seq, client_id, author_id, author_name, typed, body, status, created_at) "
                    + "VALUES (?, ?, ?, ?, 'Heap', ?, ?, 'SHOWN', NOW(6))").params(room, seq, "h" + seq, author, words, words)
                    .update();
        }
        jdbc.sql("UPDATE chat_room SET last_seq = 80 WHERE id = ?").param(room).update();

        // one page first, so classes, caches and the glossary are loaded before the baseline
        signIn(user, "sunny-garden-path");
        open("chat/" + room);
        waitFor(By.id("chat-input"));
        long before = heapAfterGc();
        long started = System.nanoTime();
        int opened = 0;
        for (int i = 0; i < sessions && System.nanoTime() - started < 240_000_000_000L; i++) {
            driver.switchTo().newWindow(WindowType.TAB);
            if (!sameSession) {
                driver.manage().deleteAllCookies();
                signIn(user, "sunny-garden-path");
            }
            if (other.isEmpty()) {
                open("chat/" + room);
                waitFor(By.id("chat-input"));
            } else {
                open(other);
            }
            opened++;
        }
        long after = heapAfterGc();
        List<String> tabs = new ArrayList<>(driver.getWindowHandles());
        System.out.printf("BENCH chat heap (" + (other.isEmpty() ? "chat room" : other) + "): %d " + (sameSession ? "more tabs in one session" : "live sessions") + " with the page open, heap after GC "
                        + "%.1f MB -> %.1f MB, %.1f KB each (%d tabs open)%n", opened, before / 1048576.0,
                after / 1048576.0, (after - before) / 1024.0 / opened, tabs.size());
    }
}
