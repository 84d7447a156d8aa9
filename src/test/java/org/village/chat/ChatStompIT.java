package org.village.chat;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.village.chat.Chat.Audience;
import org.village.chat.StompTestClient.Received;
import org.village.chat.internal.ChatStore;
import org.village.security.ApiTokens;
import org.village.shared.Tokens;

/**
 * The STOMP API at /ws with a real WebSocketStompClient on the random port, as a phone app uses it: CONNECT without,
 * with a bad, an expired or a revoked token is refused; a room's subscribers get their own and others' messages as
 * the API's JSON; a room the person may not join gets an error and no data; SEND to /topic is refused; a reused
 * client id with other words is an error; a retry gets the stored message back once; a frame too large is refused
 * and the server carries on; a page from another site (Origin) cannot connect.
 */
class ChatStompIT extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired ChatStore store;
    @Autowired ApiTokens tokens;
    @Autowired ChatService chat;
    @Autowired TestUsers users;
    @Autowired org.village.chat.api.StompSessions sessions;

    ChatFixture data;
    final java.util.List<StompTestClient> clients = new java.util.ArrayList<>();

    @BeforeEach
    void setUp() {
        data = new ChatFixture(jdbc, store);
        jdbc.sql("DELETE FROM sign_in_address WHERE 1 = 1").update();
    }

    @AfterEach
    void tearDown() {
        clients.forEach(StompTestClient::close);
        users.anonymous();
    }

    @Autowired org.springframework.context.ApplicationContext context;

    /** Chat's listener of node notices (decision 112). */
    private org.village.shared.notices.NodeNotices.Listener tokenVouches() {
        return (org.village.shared.notices.NodeNotices.Listener) context.getBean("tokenVouches");
    }

    private String token(String username) {
        String password = username.startsWith("chat.") && isWorker(username) ? "green-kettle-morning" : "sunny-garden-path";
        return tokens.issue(username, password, "127.0.0.61").token();
    }

    private boolean isWorker(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM account_role r JOIN user_account a ON a.id = r.account_id WHERE a.username = ?"
                + " AND r.role = 'WORKER'").param(username).query(Integer.class).single() > 0;
    }

    private StompTestClient connect(String token) {
        var c = StompTestClient.connect(port, token, null);
        clients.add(c);
        return c;
    }

    private static Map<String, Object> next(BlockingQueue<Map<String, Object>> q) throws InterruptedException {
        var m = q.poll(10, TimeUnit.SECONDS);
        assertThat(m).as("a message within 10 s").isNotNull();
        return m;
    }

    private static String clientId() {
        return "app-" + TestText.letters(10);
    }

    /** Waits for the server's RECEIPT of each SUBSCRIBE: from then on nothing sent there passes it by. */
    private static void awaitSubscribed(Received... subscriptions) throws Exception {
        for (var subscription : subscriptions) {
            subscription.subscribed.get(10, TimeUnit.SECONDS);
        }
    }

    private String displayName(String username) {
        return jdbc.sql("SELECT display_name FROM user_account WHERE username = ?").param(username).query(String.class).single();
    }

    @Test
    void connectWithoutABadAnExpiredOrARevokedTokenIsRefused() throws Exception {
        String parent = data.parent();
        var none = connect(null);
        assertThat(none.connected()).isFalse();
        assertThat(none.errors.poll(5, TimeUnit.SECONDS)).contains("unauthorized").contains("sign in");

        var bad = connect("not-a-token");
        assertThat(bad.connected()).isFalse();
        assertThat(bad.errors.poll(5, TimeUnit.SECONDS)).contains("unauthorized");

        String expired = token(parent);
        jdbc.sql("UPDATE api_token SET expires_at = ? WHERE token_hash = ?")
                .params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), Tokens.sha256(expired)).update();
        assertThat(connect(expired).connected()).isFalse();

        String revoked = token(parent);
        assertThat(tokens.revoke(revoked)).isTrue();
        assertThat(connect(revoked).connected()).isFalse();

        // a good token connects; revoked while connected (though it was vouched for a while, decision 112), the
        // connection ends at once, and nothing is stored
        String good = token(parent);
        var c = connect(good);
        assertThat(c.connected()).isTrue();
        long room = data.openRoom();
        var refusals = c.subscribe("/user/queue/errors");
        awaitSubscribed(refusals);
        tokens.revoke(good);
        c.closed.get(5, TimeUnit.SECONDS);
        // a change made behind the notices' back (by hand in the database) while connected: the vouch holds until
        // notices may have been missed (here: as when the broker comes back), then the next SEND reads, and is
        // refused with its client id, not "failed" (the check is made on a frame thread, decision 107)
        String other = data.parent();
        var d = connect(token(other));
        var refusalsD = d.subscribe("/user/queue/errors");
        awaitSubscribed(refusalsD);
        jdbc.sql("UPDATE user_account SET security_stamp = security_stamp + 1 WHERE username = ?").param(other).update();
        tokenVouches().missed();
        String idD = clientId();
        d.send("/app/rooms." + room + ".send", StompTestClient.message(idD, "after a new password"));
        var refusal = refusalsD.poll(10, TimeUnit.SECONDS);
        assertThat(refusal).containsEntry("code", "unauthorized").containsEntry("clientId", idD);
        assertThat(String.valueOf(refusal.get("message"))).contains("sign in again");
        // a SUBSCRIBE is refused at the door as before: an ERROR frame
        d.subscribe("/topic/rooms." + room);
        assertThat(d.errors.poll(10, TimeUnit.SECONDS)).contains("unauthorized");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM chat_message WHERE room_id = ?").param(room).query(Integer.class).single())
                .isZero();
    }

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("clientInboundChannel")
    org.springframework.messaging.support.ExecutorSubscribableChannel inbound;

    @Test
    void framesAreHandledOnAFewThreadsOfTheirOwnAndABurstFromManyConnectionsIsAllStored() throws Exception {
        // decision 107: not Spring Boot's executor (a virtual thread per frame, every one waiting at the pool)
        assertThat(inbound.getExecutor()).isInstanceOfSatisfying(
                org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor.class,
                frames -> assertThat(frames.getMaxPoolSize()).isEqualTo(10));

        long room = data.openRoom();
        var listener = connect(token(data.parent()));
        var topic = listener.subscribe("/topic/rooms." + room);
        awaitSubscribed(topic);
        var senders = new java.util.ArrayList<StompTestClient>();
        for (int i = 0; i < 30; i++) {
            senders.add(connect(token(data.parent())));
        }
        try {
            var ids = new java.util.HashSet<String>();
            for (var sender : senders) {
                String id = clientId();
                ids.add(id);
                sender.send("/app/rooms." + room + ".send", StompTestClient.message(id, "All at once"));
            }
            var seen = new java.util.HashSet<String>();
            var seqs = new java.util.TreeSet<Long>();
            for (int i = 0; i < 30; i++) {
                var m = next(topic);
                seen.add((String) m.get("clientId"));
                seqs.add(((Number) m.get("seq")).longValue());
            }
            assertThat(seen).isEqualTo(ids);
            assertThat(seqs).hasSize(30).first().isEqualTo(1L);
            assertThat(seqs.last()).isEqualTo(30L);
            assertThat(senders).allSatisfy(c -> assertThat(c.connected()).isTrue());
        } finally {
            senders.forEach(StompTestClient::close);
        }
    }

    @Test
    void subscribersGetTheirOwnAndOthersMessagesAsJsonAndRetriesOnce() throws Exception {
        long room = data.openRoom();
        String a = data.parent();
        String b = data.parent();
        var ca = connect(token(a));
        var cb = connect(token(b));
        var topicA = ca.subscribe("/topic/rooms." + room);
        var errorsA = ca.subscribe("/user/queue/errors");
        var sentA = ca.subscribe("/user/queue/sent");
        var topicB = cb.subscribe("/topic/rooms." + room);
        awaitSubscribed(topicA, topicB, errorsA, sentA);

        String id = clientId();
        ca.send("/app/rooms." + room + ".send", StompTestClient.message(id, "Hello from the app <b>bold</b>"));
        var own = next(topicA);
        var theirs = next(topicB);
        assertThat(own).isEqualTo(theirs);
        assertThat(own.keySet()).containsExactly("roomId", "seq", "clientId", "author", "body", "sentAt", "deleted");
        assertThat(((Number) own.get("roomId")).longValue()).isEqualTo(room);
        assertThat(((Number) own.get("seq")).longValue()).isEqualTo(1);
        assertThat(own.get("clientId")).isEqualTo(id);
        assertThat(own.get("author")).isEqualTo(displayName(a));
        assertThat(own.get("body")).isEqualTo("Hello from the app <b>bold</b>");
        assertThat(Instant.parse((String) own.get("sentAt"))).isNotNull();
        assertThat(own.get("deleted")).isEqualTo(false);

        cb.send("/app/rooms." + room + ".send", StompTestClient.message(clientId(), "Hello back"));
        assertThat(next(topicA).get("body")).isEqualTo("Hello back");
        assertThat(((Number) next(topicB).get("seq")).longValue()).isEqualTo(2);

        // the same id and words again: the stored one comes back to the sender only; nothing new in the room
        ca.send("/app/rooms." + room + ".send", StompTestClient.message(id, "Hello from the app <b>bold</b>"));
        var again = next(sentA);
        assertThat(((Number) again.get("seq")).longValue()).isEqualTo(1);
        // the same id, other words: an error with the client id and a code
        ca.send("/app/rooms." + room + ".send", StompTestClient.message(id, "Different words"));
        var reused = next(errorsA);
        assertThat(reused.get("clientId")).isEqualTo(id);
        assertThat(reused.get("code")).isEqualTo("client_id_reused");
        assertThat((String) reused.get("message")).isNotBlank();
        // not JSON, and a message held by the filters: errors too
        ca.send("/app/rooms." + room + ".send", "{not json");
        assertThat(next(errorsA).get("code")).isEqualTo("bad_request");
        String held = clientId();
        ca.send("/app/rooms." + room + ".send", StompTestClient.message(held, "Call me on 07700 900123"));
        var heldError = next(errorsA);
        assertThat(heldError.get("code")).isEqualTo("held");
        assertThat(heldError.get("clientId")).isEqualTo(held);
        ca.send("/app/rooms." + room + ".send", StompTestClient.message(clientId(), " "));
        assertThat(next(errorsA).get("code")).isEqualTo("empty");
        assertThat(topicA.poll(500, TimeUnit.MILLISECONDS)).as("nothing more in the room").isNull();
        assertThat(topicB.poll(10, TimeUnit.MILLISECONDS)).isNull();

        // a moderator removes a message: subscribers get it again as deleted, without its words
        users.as(data.worker());
        long messageId = jdbc.sql("SELECT id FROM chat_message WHERE room_id = ? AND seq = 2").param(room).query(Long.class).single();
        chat.delete(messageId, "test");
        var removed = next(topicA);
        assertThat(((Number) removed.get("seq")).longValue()).isEqualTo(2);
        assertThat(removed.get("deleted")).isEqualTo(true);
        assertThat(removed.get("body")).isEqualTo("");
    }

    @Test
    void aRoomThePersonMayNotJoinGetsAnErrorAndNoData() throws Exception {
        long staffRoom = data.room(Audience.STAFF, true, "");
        String parent = data.parent();
        var c = connect(token(parent));
        var errors = c.subscribe("/user/queue/errors");
        awaitSubscribed(errors);
        var topic = c.subscribe("/topic/rooms." + staffRoom);
        var forged = c.subscribe("/topic/rooms.999999999");
        assertThat(next(errors).get("code")).isEqualTo("not_allowed");
        assertThat(next(errors).get("code")).isEqualTo("not_allowed");
        users.as(data.worker());
        assertThat(chat.send(staffRoom, clientId(), "Staff only")).isInstanceOf(Chat.Stored.class);
        assertThat(topic.poll(1, TimeUnit.SECONDS)).as("no data").isNull();
        assertThat(forged.poll(10, TimeUnit.MILLISECONDS)).isNull();
        // sending into it is refused too
        c.send("/app/rooms." + staffRoom + ".send", StompTestClient.message(clientId(), "let me in"));
        assertThat(next(errors).get("code")).isEqualTo("not_allowed");
        assertThat(c.connected()).isTrue();
        // other destinations: an ERROR frame
        c.subscribe("/topic/everything");
        assertThat(c.errors.poll(10, TimeUnit.SECONDS)).contains("not_allowed");
    }

    @Test
    void sendingToATopicIsRefused() throws Exception {
        long room = data.openRoom();
        var c = connect(token(data.parent()));
        var topic = c.subscribe("/topic/rooms." + room);
        awaitSubscribed(topic);
        c.send("/topic/rooms." + room, "{\"roomId\":1,\"seq\":99,\"body\":\"forged\"}");
        assertThat(c.errors.poll(10, TimeUnit.SECONDS)).contains("send_not_allowed");
        assertThat(topic.poll(500, TimeUnit.MILLISECONDS)).isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM chat_message WHERE room_id = ?").param(room).query(Integer.class).single())
                .isZero();
    }

    @Test
    void aFrameTooLargeIsRefusedAndTheServerCarriesOn() throws Exception {
        long room = data.openRoom();
        String parent = data.parent();
        var c = connect(token(parent));
        try {
            c.send("/app/rooms." + room + ".send", StompTestClient.message(clientId(), "x".repeat(100_000)));
        } catch (org.springframework.messaging.MessageDeliveryException closedWhileWriting) {
            // the server may close the connection before the client has finished writing the frame
        }
        c.closed.get(10, TimeUnit.SECONDS);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM chat_message WHERE room_id = ?").param(room).query(Integer.class).single())
                .isZero();
        // the next connection works
        var d = connect(token(parent));
        var topic = d.subscribe("/topic/rooms." + room);
        awaitSubscribed(topic);
        d.send("/app/rooms." + room + ".send", StompTestClient.message(clientId(), "still fine"));
        assertThat(next(topic).get("body")).isEqualTo("still fine");
    }

    @Test
    void aConnectionWhoseTokenStoppedOrWhoWasRemovedIsClosedByTheSweep() throws Exception {
        long room = data.openRoom();
        String removed = data.parent();
        String revokedLater = data.parent();
        String stays = data.parent();
        var r = connect(token(removed));
        var topicR = r.subscribe("/topic/rooms." + room);
        String revokedToken = token(revokedLater);
        var v = connect(revokedToken);
        var topicV = v.subscribe("/topic/rooms." + room);
        // a second connection on the same token: the sweep asks once per token, and must close both
        var v2 = connect(revokedToken);
        var topicV2 = v2.subscribe("/topic/rooms." + room);
        var s = connect(token(stays));
        var topic = s.subscribe("/topic/rooms." + room);
        awaitSubscribed(topicR, topicV, topicV2, topic);
        users.as(data.worker());
        chat.remove(room, data.id(removed), true);
        users.anonymous();
        // revoked behind the notices' back (by hand in the database; a revoke through ApiTokens closes at once):
        // the sweep is the safety net
        jdbc.sql("UPDATE api_token SET revoked_at = CURRENT_TIMESTAMP WHERE token_hash = ?")
                .param(Tokens.sha256(revokedToken)).update();
        assertThat(sessions.sweep()).isGreaterThanOrEqualTo(3);
        r.closed.get(10, TimeUnit.SECONDS);
        v.closed.get(10, TimeUnit.SECONDS);
        v2.closed.get(10, TimeUnit.SECONDS);
        assertThat(s.connected()).isTrue();
        s.send("/app/rooms." + room + ".send", StompTestClient.message(clientId(), "still here"));
        assertThat(next(topic).get("body")).isEqualTo("still here");
    }

    @Test
    void aMalformedFrameGetsAnErrorFrameAndTheServerCarriesOn() throws Exception {
        var frames = new java.util.concurrent.LinkedBlockingQueue<String>();
        var closed = new java.util.concurrent.CompletableFuture<Integer>();
        var socket = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(java.net.URI.create("ws://127.0.0.1:" + port + "/ws"), new java.net.http.WebSocket.Listener() {
                    @Override
                    public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data,
                                                                          boolean last) {
                        frames.add(data.toString());
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public java.util.concurrent.CompletionStage<?> onClose(java.net.http.WebSocket ws, int status, String reason) {
                        closed.complete(status);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText("HELLO THERE\nnot: a stomp frame\n\n\u0000", true).get(10, TimeUnit.SECONDS);
        String answer = frames.poll(10, TimeUnit.SECONDS);
        assertThat(answer).as("an ERROR frame").startsWith("ERROR").doesNotContain("Exception", "at org.");
        // the server still serves everyone else
        long room = data.openRoom();
        var c = connect(token(data.parent()));
        var topic = c.subscribe("/topic/rooms." + room);
        awaitSubscribed(topic);
        c.send("/app/rooms." + room + ".send", StompTestClient.message(clientId(), "after the bad frame"));
        assertThat(next(topic).get("body")).isEqualTo("after the bad frame");
        socket.abort();
    }

    @Test
    void aFloodOfFramesIsStopped() throws Exception {
        long room = data.openRoom();
        var c = connect(token(data.parent()));
        // frames the server answers without the database (UNSUBSCRIBE), so they arrive as fast as a flood would
        var subscription = c.session.subscribe("/user/queue/errors", new org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter() {
        });
        for (int i = 0; i < 200 && c.connected(); i++) {
            try {
                subscription.unsubscribe();
            } catch (RuntimeException closed) {
                break;
            }
        }
        assertThat(c.errors.poll(10, TimeUnit.SECONDS)).contains("rate_limited");
        // messages: the room's own flood limit stores at most 6 in 10 s
        String flooder = data.parent();
        var d = connect(token(flooder));
        var errors = d.subscribe("/user/queue/errors");
        awaitSubscribed(errors);
        for (int i = 0; i < 8 && d.connected(); i++) {
            d.send("/app/rooms." + room + ".send", StompTestClient.message(clientId(), "flood " + i));
        }
        assertThat(next(errors).get("code")).isEqualTo("rate_limited");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM chat_message WHERE room_id = ?").param(room).query(Integer.class).single())
                .isLessThanOrEqualTo(6);
    }

    @Test
    void aPageFromAnotherSiteCannotConnect() {
        String token = token(data.parent());
        var evil = StompTestClient.connect(port, token, "https://evil.example");
        clients.add(evil);
        assertThat(evil.connected()).isFalse();
        var own = StompTestClient.connect(port, token, "http://127.0.0.1:" + port);
        clients.add(own);
        assertThat(own.connected()).isTrue();
    }
}
