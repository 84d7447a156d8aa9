package org.village.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.village.IntegrationTest;
import org.village.TestText;
import org.village.TestUsers;
import org.village.chat.internal.ChatStore;
import org.village.moderation.CaseKind;
import org.village.moderation.ModerationDesk;
import org.village.moderation.ModerationQueue;
import org.village.moderation.Silences;
import org.village.moderation.Subject;
import org.village.security.AccountService;
import org.village.security.ApiTokens;

/**
 * Decisions 112 and 113: an open STOMP connection's token is vouched for between reads, and a member's silences are
 * kept per node, yet every way a token stops working ends the connection AT ONCE (the revoke, "revoke all", a new
 * password, the account switched off by staff or by moderation), and a silence or suspension given refuses the very
 * next SEND, though the answer "not silenced" was kept a moment before.
 */
class ChatRevocationIT extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired ChatStore store;
    @Autowired ApiTokens tokens;
    @Autowired AccountService accounts;
    @Autowired ModerationQueue queue;
    @Autowired ModerationDesk desk;
    @Autowired Silences silences;
    @Autowired TestUsers users;

    ChatFixture data;
    long room;
    final java.util.List<StompTestClient> clients = new java.util.ArrayList<>();

    @BeforeEach
    void setUp() {
        data = new ChatFixture(jdbc, store);
        jdbc.sql("DELETE FROM sign_in_address WHERE 1 = 1").update();
        room = data.openRoom();
    }

    @AfterEach
    void tearDown() {
        clients.forEach(StompTestClient::close);
        users.anonymous();
    }

    private String token(String username) {
        return tokens.issue(username, "sunny-garden-path", "127.0.0.62").token();
    }

    /** Connected, following the room and its own errors, and one message sent and seen: its token is vouched now. */
    private Connection vouched(String token) throws Exception {
        var c = StompTestClient.connect(port, token, null);
        clients.add(c);
        assertThat(c.connected()).isTrue();
        var topic = c.subscribe("/topic/rooms." + room);
        var errors = c.subscribe("/user/queue/errors");
        topic.subscribed.get(10, TimeUnit.SECONDS);
        errors.subscribed.get(10, TimeUnit.SECONDS);
        String id = "app-" + TestText.letters(10);
        c.send("/app/rooms." + room + ".send", StompTestClient.message(id, TestText.unique("Before")));
        assertThat(next(topic)).containsEntry("clientId", id);
        return new Connection(c, topic, errors);
    }

    record Connection(StompTestClient client, BlockingQueue<Map<String, Object>> topic,
                      BlockingQueue<Map<String, Object>> errors) {
    }

    private static Map<String, Object> next(BlockingQueue<Map<String, Object>> q) throws InterruptedException {
        var m = q.poll(10, TimeUnit.SECONDS);
        assertThat(m).as("a message within 10 s").isNotNull();
        return m;
    }

    private static void endsAtOnce(Connection c) throws Exception {
        c.client().closed.get(3, TimeUnit.SECONDS);
    }

    @Test
    void revokingATokenEndsItsConnectionsAtOnceAndNoOtherTokensConnections() throws Exception {
        String parent = data.parent();
        String token = token(parent);
        var first = vouched(token);
        var second = vouched(token);
        var otherToken = vouched(token(parent));
        assertThat(tokens.revoke(token)).isTrue();
        endsAtOnce(first);
        endsAtOnce(second);
        // the same person's other token (another phone) carries on
        String id = "app-" + TestText.letters(10);
        otherToken.client().send("/app/rooms." + room + ".send", StompTestClient.message(id, "still here"));
        assertThat(next(otherToken.topic())).containsEntry("clientId", id);
    }

    @Test
    void revokingEveryTokenOfAnAccountEndsEachOfItsConnectionsAtOnce() throws Exception {
        String parent = data.parent();
        var a = vouched(token(parent));
        var b = vouched(token(parent));
        var someoneElse = vouched(token(data.parent()));
        assertThat(tokens.revokeAll(data.id(parent))).isEqualTo(2);
        endsAtOnce(a);
        endsAtOnce(b);
        assertThat(someoneElse.client().connected()).isTrue();
    }

    @Test
    void aNewPasswordEndsTheConnectionsAtOnce() throws Exception {
        String parent = data.parent();
        var c = vouched(token(parent));
        users.as(parent);
        accounts.changeOwnPassword("sunny-garden-path", "a-brand-new-" + TestText.letters(12));
        endsAtOnce(c);
    }

    @Test
    void anAccountSwitchedOffByStaffEndsItsConnectionsAtOnceAndCannotConnectAgain() throws Exception {
        String parent = data.parent();
        String token = token(parent);
        var c = vouched(token);
        users.as("admin");
        accounts.setEnabled(data.id(parent), false);
        endsAtOnce(c);
        var again = StompTestClient.connect(port, token, null);
        clients.add(again);
        assertThat(again.connected()).isFalse();
    }

    @Test
    void aSilenceGivenRefusesTheVeryNextSendThoughNotSilencedWasKept() throws Exception {
        String parent = data.parent();
        long id = data.id(parent);
        var c = vouched(token(parent)); // its send kept "not silenced" for this account
        assertThat(silences.silencedUntil(id)).isEmpty();
        users.as("worker.sam");
        long caseId = queue.raise(Subject.chatMessage(Long.MAX_VALUE - id), id, CaseKind.REPORTED, "test", null);
        Instant until = desk.silence(caseId, Duration.ofHours(1), "Let things calm down");
        users.anonymous();
        String refused = "app-" + TestText.letters(10);
        c.client().send("/app/rooms." + room + ".send", StompTestClient.message(refused, "while silenced"));
        assertThat(next(c.errors())).containsEntry("code", "muted").containsEntry("clientId", refused);
        // the kept answer is the silence's end: once it has passed, the answer changes with no notice and no read
        assertThat(silences.silencedUntil(id, until.minusSeconds(1))).contains(until);
        assertThat(silences.silencedUntil(id, until.plusMillis(1))).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM chat_message WHERE client_id = ?").param(refused)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aSuspensionRefusesTheNextSendAndSwitchingOffByModerationEndsTheConnection() throws Exception {
        String parent = data.parent();
        long id = data.id(parent);
        var c = vouched(token(parent));
        users.as("worker.sam");
        long caseId = queue.raise(Subject.chatMessage(Long.MAX_VALUE - id), id, CaseKind.REPORTED, "test", null);
        var first = desk.suspend(caseId, 1, "First step");
        users.anonymous();
        assertThat(first.switchedOff()).isFalse();
        String refused = "app-" + TestText.letters(10);
        c.client().send("/app/rooms." + room + ".send", StompTestClient.message(refused, "while suspended"));
        assertThat(next(c.errors())).containsEntry("code", "muted").containsEntry("clientId", refused);
        // the ladder's last step switches the account off: the connection ends at once
        users.as("worker.sam");
        desk.suspend(caseId, 2, "Second step");
        var last = desk.suspend(caseId, 3, "Last step");
        users.anonymous();
        assertThat(last.switchedOff()).isTrue();
        endsAtOnce(c);
    }
}
