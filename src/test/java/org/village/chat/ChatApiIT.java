package org.village.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.village.chat.internal.ChatStore;
import org.village.security.ApiTokens;
import org.village.shared.Tokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chat's REST API as another app calls it: the rooms list and a room's messages with the fixed field names, catch-up
 * after a dropped connection from the last number it had (no gaps, no duplicates), a removed message as deleted
 * without its words, 401 without a good token, 404 for a room one may not join or that does not exist, 400 for a
 * bad limit.
 */
class ChatApiIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired ChatStore store;
    @Autowired ApiTokens tokens;
    @Autowired ChatService chat;
    @Autowired TestUsers users;

    ChatFixture data;

    @BeforeEach
    void setUp() {
        data = new ChatFixture(jdbc, store);
        jdbc.sql("DELETE FROM sign_in_address WHERE 1 = 1").update();
    }

    @AfterEach
    void signOut() {
        users.anonymous();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<Map<String, Object>> list(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> l = JSON.readValue(r.body(), List.class);
        return l;
    }

    private String send(String username, long room, String body) {
        users.as(username);
        var sent = chat.send(room, "api-" + TestText.letters(10), body);
        users.anonymous();
        assertThat(sent).isInstanceOf(Chat.Stored.class);
        return ((Chat.Stored) sent).message().clientId();
    }

    @Test
    void roomsAndMessagesHaveTheFixedShapesAndCatchUpFromTheLastNumber() throws Exception {
        long room = data.openRoom();
        long closed = data.room(Audience.EVERYONE, false, "");
        long staff = data.room(Audience.STAFF, true, "");
        String parent = data.parent();
        String other = data.parent();
        String token = tokens.issue(parent, "sunny-garden-path", "127.0.0.71").token();

        var rooms = list(get("/api/chat/rooms", token));
        var mine = rooms.stream().filter(r -> ((Number) r.get("id")).longValue() == room).findFirst().orElseThrow();
        assertThat(mine.keySet()).contains("id", "name", "open", "opensAt", "lastSeq");
        assertThat(mine.get("open")).isEqualTo(true);
        assertThat(((Number) mine.get("lastSeq")).longValue()).isZero();
        var shut = rooms.stream().filter(r -> ((Number) r.get("id")).longValue() == closed).findFirst().orElseThrow();
        assertThat(shut.get("open")).isEqualTo(false);
        assertThat(rooms).noneMatch(r -> ((Number) r.get("id")).longValue() == staff);

        String first = send(parent, room, "First <script>alert(1)</script>");
        send(other, room, "Second");
        var page = list(get("/api/chat/rooms/" + room + "/messages?after=0&limit=50", token));
        assertThat(page).hasSize(2);
        var m = page.getFirst();
        assertThat(m.keySet()).containsExactly("roomId", "seq", "clientId", "author", "body", "sentAt", "deleted");
        assertThat(((Number) m.get("seq")).longValue()).isEqualTo(1);
        assertThat(m.get("clientId")).isEqualTo(first);
        assertThat(m.get("body")).isEqualTo("First <script>alert(1)</script>");
        assertThat(Instant.parse((String) m.get("sentAt"))).isNotNull();
        assertThat(m.get("deleted")).isEqualTo(false);

        // the app had seq 2 when its connection dropped; three more were sent meanwhile, one then removed
        send(other, room, "Third");
        send(parent, room, "Fourth");
        send(other, room, "Fifth");
        users.as(data.worker());
        long fourth = jdbc.sql("SELECT id FROM chat_message WHERE room_id = ? AND seq = 4").param(room).query(Long.class).single();
        chat.delete(fourth, "test");
        users.anonymous();
        var caughtUp = list(get("/api/chat/rooms/" + room + "/messages?after=2", token));
        assertThat(caughtUp).extracting(x -> ((Number) x.get("seq")).longValue()).containsExactly(3L, 4L, 5L);
        assertThat(caughtUp.get(1).get("deleted")).isEqualTo(true);
        assertThat(caughtUp.get(1).get("body")).isEqualTo("");
        assertThat(list(get("/api/chat/rooms/" + room + "/messages?after=3&limit=1", token)))
                .extracting(x -> ((Number) x.get("seq")).longValue()).containsExactly(4L);
        assertThat(list(get("/api/chat/rooms/" + room + "/messages?after=5", token))).isEmpty();
        var again = list(get("/api/chat/rooms", token)).stream().filter(r -> ((Number) r.get("id")).longValue() == room)
                .findFirst().orElseThrow();
        assertThat(((Number) again.get("lastSeq")).longValue()).isEqualTo(5);
    }

    @Test
    void withoutAGoodTokenOrForARoomOneMayNotJoinTheAnswerIsPlain() throws Exception {
        long room = data.openRoom();
        long staff = data.room(Audience.STAFF, true, "");
        String parent = data.parent();
        var none = get("/api/chat/rooms", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(get("/api/chat/rooms/" + room + "/messages", "nonsense").statusCode()).isEqualTo(401);

        String token = tokens.issue(parent, "sunny-garden-path", "127.0.0.71").token();
        var forbidden = get("/api/chat/rooms/" + staff + "/messages", token);
        assertThat(forbidden.statusCode()).isEqualTo(404);
        assertThat(forbidden.body()).doesNotContain("Exception").contains("room");
        assertThat(get("/api/chat/rooms/999999999/messages", token).statusCode()).isEqualTo(404);
        assertThat(get("/api/chat/rooms/abc/messages", token).statusCode()).isEqualTo(400);
        assertThat(get("/api/chat/rooms/" + room + "/messages?limit=100000", token).statusCode()).isEqualTo(400);
        assertThat(get("/api/chat/rooms/" + room + "/messages?after=-1", token).statusCode()).isEqualTo(400);
        assertThat(get("/api/chat/rooms/" + room + "/messages?after=0&limit=10", token).statusCode()).isEqualTo(200);

        jdbc.sql("UPDATE api_token SET expires_at = ? WHERE token_hash = ?")
                .params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), Tokens.sha256(token)).update();
        assertThat(get("/api/chat/rooms", token).statusCode()).isEqualTo(401);
    }
}
