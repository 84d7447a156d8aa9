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

    /**
     * The live objects per class (the JVM's own class histogram, which runs a full GC first), read through the
     * diagnostic command bean of this JVM: what jcmd GC.class_histogram prints.
     */
    private static java.util.Map<String, long[]> histogram() throws Exception {
        var server = ManagementFactory.getPlatformMBeanServer();
        var name = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
        String text = (String) server.invoke(name, "gcClassHistogram", new Object[] {new String[0]},
                new String[] {String[].class.getName()});
        var counts = new java.util.HashMap<String, long[]>();
        for (String line : text.split("\n")) {
            var parts = line.trim().split("\\s+");
            if (parts.length >= 4 && parts[0].endsWith(":")) {
                counts.put(parts[3], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
            }
        }
        return counts;
    }

    /** The classes whose live bytes grew most between two histograms, per tab. */
    private static void printGrowth(java.util.Map<String, long[]> before, java.util.Map<String, long[]> after, int tabs) {
        record Growth(String type, long count, long bytes) {}
        var growth = new ArrayList<Growth>();
        after.forEach((type, now) -> {
            long[] was = before.getOrDefault(type, new long[2]);
            growth.add(new Growth(type, now[0] - was[0], now[1] - was[1]));
        });
        growth.sort((a, b) -> Long.compare(b.bytes(), a.bytes()));
        long total = growth.stream().mapToLong(Growth::bytes).sum();
        System.out.printf("BENCH histogram growth: %.1f KB per tab in all classes; the largest, per tab:%n",
                total / 1024.0 / tabs);
        growth.stream().limit(Integer.getInteger("bench.histogram.top", 45)).forEach(g -> System.out.printf(
                "BENCH   %9.1f KB %8.1f objects  %s%n", g.bytes() / 1024.0 / tabs, g.count() / (double) tabs, g.type()));
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
        boolean histogram = Boolean.getBoolean("bench.histogram");
        var histogramBefore = histogram ? histogram() : null;
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
        if (histogram) {
            printGrowth(histogramBefore, histogram(), opened);
        }
        // -Dbench.heap-dump=/tmp/x.hprof: the live heap with the tabs open, for scripts/heap-referrers.py
        String dump = System.getProperty("bench.heap-dump", "");
        if (!dump.isEmpty()) {
            java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(dump));
            ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class).dumpHeap(dump, true);
            System.out.println("BENCH heap dump " + dump);
        }
        List<String> tabs = new ArrayList<>(driver.getWindowHandles());
        // what the browser was told (Vaadin sets window.Vaadin.developmentMode only in development mode)
        boolean production = !Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return !!(window.Vaadin && window.Vaadin.developmentMode);"));
        System.out.println("BENCH Vaadin " + (production ? "production" : "development") + " mode; load average "
                + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("BENCH chat heap (" + (other.isEmpty() ? "chat room" : other) + "): %d " + (sameSession ? "more tabs in one session" : "live sessions") + " with the page open, heap after GC "
                        + "%.1f MB -> %.1f MB, %.1f KB each (%d tabs open)%n", opened, before / 1048576.0,
                after / 1048576.0, (after - before) / 1024.0 / opened, tabs.size());
    }
}
