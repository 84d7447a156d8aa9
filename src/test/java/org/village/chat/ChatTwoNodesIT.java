package org.village.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.deque.html.axecore.selenium.AxeBuilder;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.village.Application;
import org.village.IntegrationTest;
import org.village.TestAccounts;
import org.village.TestText;
import org.village.TestUsers;
import org.village.security.ApiTokens;
import org.village.chat.internal.ChatStore;
import org.village.chat.internal.Presences;
import org.village.chat.internal.RedisChatFanout;

/**
 * Two portal nodes in one JVM (two Spring contexts on two ports) against ONE database (a fresh schema on the local
 * MariaDB at 127.0.0.1:3306) and the local Redis (127.0.0.1:6379, reached through a {@link TcpProxy} so the test can
 * take the broker away): a message stored on node A reaches listeners on node B (what the Vaadin views use) once and
 * in order, and nothing is lost while the broker is away (node B reads the gap from the database). Runs in a JVM of
 * its own (the own-context failsafe execution).
 */
class ChatTwoNodesIT {

    static final String SCHEMA = "village_nodes_" + TestText.letters(8).toLowerCase();
    static final String ROOT_URL = "jdbc:mysql://127.0.0.1:3306/?user=root&password=&sslMode=DISABLED&allowPublicKeyRetrieval=true";
    static TcpProxy broker;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;
    static long roomId;

    @BeforeAll
    static void twoNodes() throws Exception {
        try (var c = DriverManager.getConnection(ROOT_URL); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        broker = new TcpProxy(6379);
        String channel = "village.chat.it." + TestText.letters(8).toLowerCase();
        a = node("a", channel);
        b = node("b", channel);
        a.getBean(TestUsers.class).as("worker.sam");
        roomId = a.getBean(ChatStore.class).createRoom("two-nodes-" + TestText.letters(6).toLowerCase(),
                TestText.unique("Two nodes room"), "", Chat.Audience.EVERYONE, true, "", java.time.Instant.parse("2026-01-01T00:00:00Z"));
    }

    static ConfigurableApplicationContext node(String name, String channel) {
        // command-line arguments: they win over application.yml (properties() would lose to its server.port)
        return new SpringApplicationBuilder(Application.class).profiles("demo").run(
                "--server.port=0",
                "--village.db.url=jdbc:mysql://127.0.0.1:3306/" + SCHEMA + "?connectionTimeZone=UTC"
                        + "&forceConnectionTimeZoneToSession=true&sslMode=DISABLED&allowPublicKeyRetrieval=true",
                "--village.db.user=root",
                "--village.db.password=",
                "--village.chat.broker=redis",
                "--village.chat.redis.url=redis://127.0.0.1:" + broker.port(),
                "--village.chat.redis.channel=" + channel,
                "--village.chat.catch-up-every=PT1S",
                "--village.chat.presence-every=PT1S",
                "--village.chat.node-name=node-" + name,
                "--village.chat.burst=1000",
                "--village.quick-exit.url=" + IntegrationTest.NeutralSite.url(),
                "--village.accounts.max-failures-per-address=1000");
    }

    @AfterAll
    static void stop() throws Exception {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (broker != null) {
            broker.close();
        }
        try (var c = DriverManager.getConnection(ROOT_URL); var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + SCHEMA);
        }
    }

    @Test
    void aMessageStoredOnNodeAReachesListenersOnNodeBOnceAndInOrder() throws Exception {
        var seen = listenOnB("parent.b");
        a.getBean(TestUsers.class).as("parent.a");
        var sent = new ArrayList<Long>();
        for (int i = 0; i < 20; i++) {
            sent.add(send(a, TestText.unique("Hello from node a")));
        }
        assertThat(waitFor(seen, sent.getLast())).containsSubsequence(sent);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(fanout(b).connected()).isTrue();
    }

    @Test
    void aMessageSentOverStompOnNodeAReachesAStompClientOnNodeB() throws Exception {
        var engine = StompChatClient.engine();
        var onA = new CopyOnWriteArrayList<Map<String, Object>>();
        var onB = new CopyOnWriteArrayList<Map<String, Object>>();
        var errors = new CopyOnWriteArrayList<Map<String, Object>>();
        try (var sender = StompChatClient.connect(engine, ws(a), token(a, "parent.a", "sunny-garden-path"), roomId,
                onA::add, errors::add);
             var reader = StompChatClient.connect(engine, ws(b), token(b, "parent.b", "warm-cup-of-tea"), roomId,
                     onB::add, errors::add)) {
            String clientId = TestText.letters(20);
            String body = TestText.unique("Across the nodes");
            sender.send(roomId, clientId, body);
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                    .until(() -> onB.stream().anyMatch(m -> clientId.equals(m.get("clientId"))));
            assertThat(errors).isEmpty();
            var got = onB.stream().filter(m -> clientId.equals(m.get("clientId"))).toList();
            assertThat(got).as("node B's STOMP client got it once").hasSize(1);
            assertThat(got.getFirst()).containsEntry("body", body).containsEntry("roomId", (int) roomId)
                    .containsEntry("deleted", false).containsKeys("seq", "author", "sentAt");
            assertThat(onA.stream().filter(m -> clientId.equals(m.get("clientId")))).as("and the sender's own echo").hasSize(1);
        }
    }

    @Test
    void nothingIsLostWhileTheBrokerIsAwayAndNothingComesTwiceWhenItReturns() throws Exception {
        var seen = listenOnB("parent.b");
        var stompSeqs = new CopyOnWriteArrayList<Long>();
        var stompOnB = StompChatClient.connect(StompChatClient.engine(), ws(b), token(b, "parent.b", "warm-cup-of-tea"),
                roomId, m -> stompSeqs.add(((Number) m.get("seq")).longValue()), e -> { });
        a.getBean(TestUsers.class).as("parent.a");
        var sent = new ArrayList<Long>();
        sent.add(send(a, TestText.unique("Before the outage")));
        waitFor(seen, sent.getLast());

        broker.cut();
        try {
            for (int i = 0; i < 5; i++) {
                sent.add(send(a, TestText.unique("During the outage")));
            }
            // node B hears nothing from the broker now: its catch-up reads the database
            waitFor(seen, sent.getLast());
            assertThat(fanout(b).counts().get("filledFromDatabase")).isPositive();
        } finally {
            broker.restore();
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> fanout(a).connected() && fanout(b).connected());
        assertThat(fanout(b).connected()).as("node B subscribed again after the broker came back").isTrue();
        for (int i = 0; i < 5; i++) {
            sent.add(send(a, TestText.unique("After the outage")));
        }
        var all = waitFor(seen, sent.getLast());
        assertThat(all).containsSubsequence(sent).doesNotHaveDuplicates();
        assertThat(all).isSorted();
        // the STOMP client on node B (its WebSocket to B stayed up) got every one once, in order, the gap included
        waitFor(stompSeqs, sent.getLast());
        assertThat(stompSeqs).containsSubsequence(sent).doesNotHaveDuplicates().isSorted();
        stompOnB.close();
    }

    /**
     * A browser signed in on node B with the room open (directly, and again by reload): a message stored on node A
     * appears on the page live; then, with the broker cut, a moderator on node A removes it, and node B's page and
     * node B's STOMP client both learn of it from the database (decision 084). Axe runs on the page.
     */
    @Test
    void aBrowserOnNodeBSeesNodeAsMessageLiveAndARemovalMadeWhileTheBrokerWasAway() throws Exception {
        var stompOnB = new CopyOnWriteArrayList<Map<String, Object>>();
        WebDriver browser = browser();
        try (var reader = StompChatClient.connect(StompChatClient.engine(), ws(b), token(b, "parent.b", "warm-cup-of-tea"),
                roomId, stompOnB::add, e -> { })) {
            var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get(http(b) + "/login");
            wait.until(d -> !d.findElements(By.cssSelector("vaadin-text-field[name='username'] input")).isEmpty());
            browser.findElement(By.cssSelector("vaadin-text-field[name='username'] input")).sendKeys("parent.b");
            browser.findElement(By.cssSelector("vaadin-password-field[name='password'] input")).sendKeys("warm-cup-of-tea");
            browser.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
            wait.until(d -> !d.getCurrentUrl().contains("/login"));
            browser.get(http(b) + "/chat/" + roomId);
            browser.navigate().refresh();
            wait.until(d -> !d.findElements(By.cssSelector("#chat-input textarea")).isEmpty());
            settle(browser);
            assertAccessible(browser);

            a.getBean(TestUsers.class).as("parent.a");
            String words = TestText.unique("Seen on node b");
            var sent = (Chat.Stored) a.getBean(ChatService.class).send(roomId, TestText.letters(16), words);
            long seq = sent.message().seq();
            wait.until(d -> logText(d).contains(words));
            assertThat(fanout(b).connected()).isTrue();

            long fromDatabase = fanout(b).counts().get("changesFromDatabase");
            broker.cut();
            try {
                a.getBean(TestUsers.class).as("worker.sam");
                assertThat(a.getBean(ChatService.class).delete(sent.message().id(), TestText.unique("Removed in the outage")))
                        .isTrue();
                // nothing reaches node B through the broker now: its catch-up reads the change from the database
                wait.until(d -> !logText(d).contains(words)
                        && d.findElement(By.id("chat-m-" + seq)).getText().contains("Removed by a moderator."));
                await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                        .until(() -> stompOnB.stream().anyMatch(m -> isRemoved(m, seq)));
                assertThat(stompOnB.stream().filter(m -> isRemoved(m, seq))).as("node B's STOMP client is told once")
                        .hasSize(1).allSatisfy(m -> assertThat(m).containsEntry("body", ""));
                assertThat(fanout(b).counts().get("changesFromDatabase")).isGreaterThan(fromDatabase);
            } finally {
                broker.restore();
            }
            assertAccessible(browser);
            // two more catch-up rounds on node B (one begun before this line may have read before the change): the
            // removal is not told again
            long rounds = fanout(b).counts().get("catchUps");
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                    .until(() -> fanout(b).counts().get("catchUps") >= rounds + 2);
            assertThat(stompOnB.stream().filter(m -> isRemoved(m, seq))).hasSize(1);
        } finally {
            browser.quit();
        }
    }

    /**
     * Presence across nodes (decision 084): someone with the room open on node B is "here" on node A; when node A can
     * no longer hear node B (the broker cut, as for a crashed node) node A drops them after three missed renewals,
     * and takes them back from node B's next renewal when the broker returns; when they leave, they go on both.
     */
    @Test
    void presenceOfANodeThatCannotBeHeardExpiresAndComesBackWithItsRenewals() throws Exception {
        String username = "nodes." + TestText.letters(10).toLowerCase(java.util.Locale.ROOT);
        long id = TestAccounts.copy(a.getBean(JdbcClient.class), "parent.a", username, "Wren " + TestText.letters(6), "PARENT");
        b.getBean(TestUsers.class).as(username);
        var onA = a.getBean(Presences.class);
        var onB = b.getBean(Presences.class);
        var entered = b.getBean(ChatService.class).enter(roomId);
        try {
            until(() -> here(onA, id), "node A sees who is on node B");
            broker.cut();
            try {
                long cutAt = System.nanoTime();
                until(() -> !here(onA, id), "node A drops node B's people it no longer hears");
                assertThat(Duration.ofNanos(System.nanoTime() - cutAt)).as("within about three periods of 1 s")
                        .isGreaterThanOrEqualTo(Duration.ofMillis(1_500)).isLessThan(Duration.ofSeconds(12));
                assertThat(here(onB, id)).as("node B still knows its own").isTrue();
            } finally {
                broker.restore();
            }
            until(() -> here(onA, id), "node B's next renewal brings them back on node A");
        } finally {
            entered.close();
        }
        until(() -> !here(onA, id) && !here(onB, id), "left on both nodes");
    }

    /**
     * Decision 112: a token revoked on node A ends its connection on node B at once (though node B vouched for it a
     * moment before), through the broker's node notices; while the broker is away node B cannot hear such notices,
     * so it vouches for nothing and the next SEND reads: a token revoked meanwhile is refused at once too.
     */
    @Test
    void aTokenRevokedOnNodeAEndsItsConnectionOnNodeBAtOnceAndWithoutTheBrokerEveryFrameReads() throws Exception {
        String username = "nodes." + TestText.letters(10).toLowerCase(java.util.Locale.ROOT);
        TestAccounts.copy(a.getBean(JdbcClient.class), "parent.a", username, "Rowan " + TestText.letters(6), "PARENT");
        until(() -> notices(a).reliable() && notices(b).reliable(), "both nodes hear node notices");
        var seen = new CopyOnWriteArrayList<Map<String, Object>>();
        var errors = new CopyOnWriteArrayList<Map<String, Object>>();
        String token = token(b, username, "sunny-garden-path");
        try (var onB = StompChatClient.connect(StompChatClient.engine(), ws(b), token, roomId, seen::add, errors::add)) {
            String id = TestText.letters(20);
            onB.send(roomId, id, TestText.unique("Vouched on node b"));
            until(() -> seen.stream().anyMatch(m -> id.equals(m.get("clientId"))), "the message is back: the token is vouched");
            long revokedAt = System.nanoTime();
            assertThat(a.getBean(ApiTokens.class).revoke(token)).isTrue();
            until(() -> !onB.connected(), "node B closes the connection");
            assertThat(Duration.ofNanos(System.nanoTime() - revokedAt)).as("at once, not at the 30 s sweep")
                    .isLessThan(Duration.ofSeconds(5));
        }
        var seen2 = new CopyOnWriteArrayList<Map<String, Object>>();
        var errors2 = new CopyOnWriteArrayList<Map<String, Object>>();
        String second = token(b, username, "sunny-garden-path");
        try (var onB = StompChatClient.connect(StompChatClient.engine(), ws(b), second, roomId, seen2::add, errors2::add)) {
            String id = TestText.letters(20);
            onB.send(roomId, id, TestText.unique("Vouched again"));
            until(() -> seen2.stream().anyMatch(m -> id.equals(m.get("clientId"))), "vouched");
            broker.cut();
            try {
                until(() -> !notices(b).reliable(), "node B knows it may miss notices");
                assertThat(a.getBean(ApiTokens.class).revoke(second)).isTrue(); // node B cannot hear of this
                String refused = TestText.letters(20);
                onB.send(roomId, refused, TestText.unique("After the revoke"));
                until(() -> errors2.stream().anyMatch(m -> "unauthorized".equals(m.get("code"))
                        && refused.equals(m.get("clientId"))), "the next SEND reads and is refused");
                assertThat(seen2.stream().noneMatch(m -> refused.equals(m.get("clientId")))).isTrue();
            } finally {
                broker.restore();
            }
        }
        until(() -> notices(a).reliable() && notices(b).reliable(), "node notices heard again");
    }

    private static org.village.shared.notices.NodeNotices notices(ConfigurableApplicationContext node) {
        return node.getBean(org.village.shared.notices.NodeNotices.class);
    }

    private static boolean here(Presences presences, long accountId) {
        return presences.in(roomId).stream().anyMatch(p -> p.accountId() == accountId);
    }

    private static void until(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    private static boolean isRemoved(Map<String, Object> m, long seq) {
        return m.get("seq") instanceof Number n && n.longValue() == seq && Boolean.TRUE.equals(m.get("deleted"));
    }

    /** Headless Chromium with the journeys' options (e2e.BrowserJourney), at phone width. */
    private static WebDriver browser() throws Exception {
        return org.village.e2e.Browsers.start(360, 800);
    }

    private static void settle(WebDriver browser) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "if (document.readyState !== 'complete') return false;"
                        + "if (!window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients) return true;"
                        + "return Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive());")));
    }

    private static String logText(WebDriver browser) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "const l = document.querySelector('#chat-messages'); return l ? l.innerText : ''");
    }

    /** No serious or critical axe-core violations (as e2e.BrowserJourney checks). */
    private static void assertAccessible(WebDriver browser) {
        settle(browser);
        var results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                .analyze(browser);
        var bad = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp()).toList();
        assertThat(bad).as("axe violations on " + browser.getCurrentUrl()).isEmpty();
    }

    private static String http(ConfigurableApplicationContext node) {
        return "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
    }

    private static String ws(ConfigurableApplicationContext node) {
        return "ws://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port") + "/ws";
    }

    private static String token(ConfigurableApplicationContext node, String username, String password) {
        return node.getBean(ApiTokens.class).issue(username, password, "127.0.0.1").token();
    }

    private static List<Long> listenOnB(String who) {
        b.getBean(TestUsers.class).as(who);
        var seen = new CopyOnWriteArrayList<Long>();
        b.getBean(ChatService.class).listen(roomId, e -> {
            if (e instanceof ChatEvent.MessageStored s) {
                seen.add(s.message().seq());
            }
        });
        return seen;
    }

    private static long send(ConfigurableApplicationContext node, String body) {
        var sent = node.getBean(ChatService.class).send(roomId, TestText.letters(16), body);
        assertThat(sent).isInstanceOf(Chat.Stored.class);
        var stored = (Chat.Stored) sent;
        assertThat(stored.message().waiting()).as("shown at once").isFalse();
        return stored.message().seq();
    }

    private static List<Long> waitFor(List<Long> seen, long seq) throws InterruptedException {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20)).until(() -> seen.contains(seq));
        assertThat(seen).as("message %d reached node B", seq).contains(seq);
        return List.copyOf(seen);
    }

    private static RedisChatFanout fanout(ConfigurableApplicationContext node) {
        return node.getBean(RedisChatFanout.class);
    }
}
