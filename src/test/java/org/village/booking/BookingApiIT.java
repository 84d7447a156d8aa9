package org.village.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.village.IntegrationTest;
import org.village.security.ApiTokens;
import org.village.shared.Times;
import org.village.shared.Tokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * The booking API over real HTTP with Bearer tokens, as the phone app calls it: 201, 409 full (with the waiting
 * list) and already booked, 422 for bad input, the same Idempotency-Key giving the first booking back, another
 * family's ids answered 404 whatever the method, an expired token 401, and the .ics.
 */
class BookingApiIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "sunny-garden-path";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Clock clock;

    BookingFixture data;
    long sam;

    @BeforeEach
    void setUp() {
        data = new BookingFixture(jdbc);
        sam = data.workerId("worker.sam");
        jdbc.sql("DELETE FROM sign_in_address WHERE 1 = 1").update();
    }

    private String token(BookingFixture.Fam f) {
        return tokens.issue(f.username(), PASSWORD, "127.0.0.41").token();
    }

    private HttpResponse<String> send(String method, String path, String token, String json, String key) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<?, ?> map(HttpResponse<String> r) {
        return JSON.readValue(r.body(), Map.class);
    }

    private static String body(long session, String member, String note) {
        return "{\"sessionId\":" + session + ",\"members\":[\"" + member + "\"],\"note\":" + JSON.writeValueAsString(note) + "}";
    }

    @Test
    void aParentListsBooksRetriesAndIsToldKindlyWhenItIsFull() throws Exception {
        var type = data.groupType(1);
        Instant start = clock.instant().plus(Duration.ofDays(15)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        long session = data.session(type, sam, start, Duration.ofHours(1), 1);
        var a = data.family();
        var b = data.family();
        String ta = token(a);
        String tb = token(b);

        LocalDate day = LocalDate.ofInstant(start, Times.ZONE);
        var list = send("GET", "/api/booking/sessions?from=" + day + "&to=" + day + "&type=" + type.code(), ta, null, null);
        assertThat(list.statusCode()).isEqualTo(200);
        List<?> sessions = JSON.readValue(list.body(), List.class);
        assertThat(sessions).hasSize(1);
        var s = (Map<?, ?>) sessions.getFirst();
        assertThat(s.keySet().stream().map(String::valueOf).toList()).contains("id", "type", "startsAt", "endsAt", "placesLeft", "waitingList");
        assertThat(((Number) s.get("placesLeft")).intValue()).isEqualTo(1);
        assertThat(Instant.parse((String) s.get("startsAt"))).isEqualTo(start);

        var created = send("POST", "/api/bookings", ta, body(session, a.parentKey(), "<img src=x onerror=alert(1)>"), "app-1");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = ((Number) map(created).get("id")).longValue();
        assertThat(map(created).get("status")).isEqualTo("booked");
        assertThat(map(created).get("note")).isEqualTo("<img src=x onerror=alert(1)>");

        var retry = send("POST", "/api/bookings", ta, body(session, a.parentKey(), "again"), "app-1");
        assertThat(((Number) map(retry).get("id")).longValue()).as("the same key: the first booking").isEqualTo(id);
        assertThat(data.placesTaken(session)).isEqualTo(1);

        var twice = send("POST", "/api/bookings", ta, body(session, a.parentKey(), null), "app-2");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(map(twice).get("code")).isEqualTo("already_booked");

        var full = send("POST", "/api/bookings", tb, body(session, b.parentKey(), null), "b-1");
        assertThat(full.statusCode()).isEqualTo(409);
        assertThat(map(full).get("code")).isEqualTo("full");
        assertThat(map(full).get("waitingList")).isEqualTo(true);
        assertThat((String) map(full).get("message")).contains("just gone").contains("waiting list");

        var waiting = send("POST", "/api/bookings", tb, "{\"sessionId\":" + session + ",\"members\":[\"" + b.parentKey()
                + "\"],\"waitingList\":true}", "b-2");
        assertThat(waiting.statusCode()).isEqualTo(201);
        assertThat(map(waiting).get("status")).isEqualTo("waiting");

        var mine = send("GET", "/api/bookings", ta, null, null);
        List<?> bookingsOfA = JSON.readValue(mine.body(), List.class);
        assertThat(bookingsOfA).hasSize(1);
        assertThat(((Map<?, ?>) bookingsOfA.getFirst()).keySet().stream().map(String::valueOf).toList()).contains("id", "sessionId", "status", "startsAt", "members");

        var ics = send("GET", "/api/bookings/" + id + ".ics", ta, null, null);
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(ics.body()).contains("UID:" + CalendarFile.uid(id)).contains("METHOD:REQUEST");

        // the cancelled place goes to B, who was waiting
        assertThat(send("DELETE", "/api/bookings/" + id, ta, null, null).statusCode()).isEqualTo(204);
        var bList = JSON.readValue(send("GET", "/api/bookings", tb, null, null).body(), List.class);
        assertThat(((Map<?, ?>) bList.getFirst()).get("status")).isEqualTo("offered");
        assertThat(send("GET", "/api/bookings/" + id + ".ics", ta, null, null).body()).contains("METHOD:CANCEL");
    }

    @Test
    void badInputIsA422WithAPlainMessage() throws Exception {
        var type = data.groupType(3);
        long session = data.session(type, sam, clock.instant().plus(Duration.ofDays(16)), Duration.ofHours(1), 3);
        var a = data.family();
        var other = data.family("Zed");
        String ta = token(a);

        var notJson = send("POST", "/api/bookings", ta, "{not json", null);
        assertThat(notJson.statusCode()).isEqualTo(422);
        assertThat(map(notJson).get("message")).asString().doesNotContain("Exception").doesNotContain("at org.");
        assertThat(send("POST", "/api/bookings", ta, "{}", null).statusCode()).isEqualTo(422);
        assertThat(send("POST", "/api/bookings", ta, body(999_999_999L, a.parentKey(), null), null).statusCode())
                .isEqualTo(422);
        var stranger = send("POST", "/api/bookings", ta, body(session, other.childKey(0), null), null);
        assertThat(stranger.statusCode()).isEqualTo(422);
        assertThat(map(stranger).get("message")).isEqualTo("Please choose people from your own family.");
        var huge = send("POST", "/api/bookings", ta, body(session, a.parentKey(), "x".repeat(5000)), null);
        assertThat(huge.statusCode()).isEqualTo(422);
        assertThat(map(huge).get("parameter")).isEqualTo("note");
        assertThat(send("GET", "/api/booking/sessions?from=yesterday", ta, null, null).statusCode()).isEqualTo(422);
        assertThat(send("POST", "/api/bookings", ta, body(session, a.parentKey(), null), "key with spaces</script>")
                .statusCode()).isEqualTo(422);
        assertThat(data.placesTaken(session)).isZero();
    }

    @Test
    void anotherFamilysBookingIsNotThereWhateverTheMethodAndAnExpiredTokenIsRefused() throws Exception {
        var type = data.groupType(3);
        long session = data.session(type, sam, clock.instant().plus(Duration.ofDays(17)), Duration.ofHours(1), 3);
        var a = data.family();
        var b = data.family();
        String ta = token(a);
        String tb = token(b);
        long theirs = ((Number) map(send("POST", "/api/bookings", tb, body(session, b.parentKey(), "private"), null))
                .get("id")).longValue();

        assertThat(send("GET", "/api/bookings/" + theirs, ta, null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/bookings/" + theirs + ".ics", ta, null, null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/bookings/" + theirs, ta, null, null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/api/bookings/987654321", ta, null, null).statusCode()).isEqualTo(404);
        assertThat(data.status(theirs)).isEqualTo("BOOKED");
        assertThat(send("GET", "/api/bookings", ta, null, null).body()).doesNotContain("private");

        assertThat(send("GET", "/api/bookings", null, null, null).statusCode()).isEqualTo(401);
        jdbc.sql("UPDATE api_token SET expires_at = ? WHERE token_hash = ?")
                .params(java.sql.Timestamp.from(clock.instant().minusSeconds(1)), Tokens.sha256(ta)).update();
        assertThat(send("GET", "/api/bookings", ta, null, null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/bookings", ta, body(session, a.parentKey(), null), null).statusCode()).isEqualTo(401);
    }
}
