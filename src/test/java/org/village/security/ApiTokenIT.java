package org.village.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.village.IntegrationTest;
import org.village.TestAccounts;
import org.village.shared.Tokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/auth/token} (issue 11, "Sign in"; decision 076): real HTTP on the loopback, as a phone app would
 * call it. Each test signs in as its own account from its own loopback address.
 */
class ApiTokenIT extends IntegrationTest {

    private static final String PASSWORD = "sunny-garden-path"; // parent.a's demo password, copied to test accounts
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiTokens tokens;

    @BeforeEach
    void freshAddresses() {
        jdbc.sql("DELETE FROM sign_in_address WHERE 1 = 1").update();
    }

    @Test
    void theRightPasswordGivesATokenThatWorksUntilTheAppSignsOut() throws Exception {
        long id = parent("token.parent.one");
        var answer = post("127.0.0.11", "{\"username\":\"token.parent.one\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        Map<?, ?> body = JSON.readValue(answer.body(), Map.class);
        String token = (String) body.get("token");
        assertThat(token).hasSizeGreaterThan(40);
        assertThat(Instant.parse((String) body.get("expiresAt"))).isAfter(Instant.now().plusSeconds(29L * 24 * 3600));
        // only the hash is kept
        assertThat(jdbc.sql("SELECT token_hash FROM api_token WHERE account_id = ?").param(id).query(String.class).list())
                .containsExactly(Tokens.sha256(token));

        // with the token, an address inside the API is answered (here: nothing there, a JSON 404); without, 401
        assertThat(get("/api/auth/nothing-here", token).statusCode()).isEqualTo(404);
        var without = get("/api/auth/nothing-here", null);
        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(without.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(without.body()).contains("\"message\"").contains("sign in first");
        assertThat(tokens.authenticate(token)).map(VillageUser::id).hasValue(id);

        assertThat(delete(token).statusCode()).isEqualTo(204);
        assertThat(get("/api/auth/nothing-here", token).statusCode()).isEqualTo(401);
        assertThat(delete(token).statusCode()).as("a revoked token cannot sign out again").isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsA401WithPlainWordsTheSameForNamesThatBelongToNobody() throws Exception {
        parent("token.parent.two");
        var real = post("127.0.0.12", "{\"username\":\"token.parent.two\",\"password\":\"not-it\"}");
        var nobody = post("127.0.0.12", "{\"username\":\"nobody.called.this\",\"password\":\"not-it\"}");
        assertThat(real.statusCode()).isEqualTo(401);
        assertThat(real.body()).contains("The sign-in name or password was not right. Please try again.");
        assertThat(nobody.statusCode()).isEqualTo(401);
        assertThat(nobody.body()).isEqualTo(real.body());
        assertThat(real.body()).doesNotContain("Exception").doesNotContain("token.parent.two");
    }

    @Test
    void theAppWaitsExactlyAsTheSignInFormDoesAndTheFormCountsTheAppsTries() throws Exception {
        parent("token.parent.three");
        String from = "127.0.0.13";
        // two wrong passwords on the form and two in the app: four free tries for this name on this address
        formSignIn(from, "token.parent.three", "wrong-1");
        formSignIn(from, "token.parent.three", "wrong-2");
        assertThat(post(from, "{\"username\":\"token.parent.three\",\"password\":\"wrong-3\"}").statusCode()).isEqualTo(401);
        var fourth = post(from, "{\"username\":\"token.parent.three\",\"password\":\"wrong-4\"}");
        var fifth = post(from, "{\"username\":\"token.parent.three\",\"password\":\"wrong-5\"}");
        assertThat(fourth.statusCode()).isEqualTo(401);
        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(fifth.headers().firstValue("Retry-After")).isPresent();
        assertThat(fifth.body()).contains("Please wait 1 minute before you try again");
        // even the right password waits now, from this address; from another address the parent signs in at once
        assertThat(post(from, "{\"username\":\"token.parent.three\",\"password\":\"" + PASSWORD + "\"}").statusCode())
                .isEqualTo(429);
        assertThat(post("127.0.0.14", "{\"username\":\"token.parent.three\",\"password\":\"" + PASSWORD + "\"}")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aNewPasswordASuspensionOrExpiryStopsEveryToken() throws Exception {
        long id = parent("token.parent.four");
        String first = tokenFor("127.0.0.15", "token.parent.four");
        String second = tokenFor("127.0.0.15", "token.parent.four");
        assertThat(tokens.authenticate(first)).isPresent();
        // a new password (or a role change, or "sign out everywhere") raises the stamp: both tokens stop at once
        jdbc.sql("UPDATE user_account SET security_stamp = security_stamp + 1 WHERE id = ?").param(id).update();
        assertThat(get("/api/auth/nothing-here", first).statusCode()).isEqualTo(401);
        assertThat(tokens.authenticate(second)).isEmpty();

        String third = tokenFor("127.0.0.15", "token.parent.four");
        jdbc.sql("UPDATE user_account SET enabled = FALSE WHERE id = ?").param(id).update();
        assertThat(tokens.authenticate(third)).as("switched off").isEmpty();
        var off = post("127.0.0.15", "{\"username\":\"token.parent.four\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(off.statusCode()).isEqualTo(401);
        assertThat(off.body()).contains("This account is switched off");
        jdbc.sql("UPDATE user_account SET enabled = TRUE WHERE id = ?").param(id).update();

        String fourth = tokenFor("127.0.0.15", "token.parent.four");
        jdbc.sql("UPDATE api_token SET expires_at = ? WHERE token_hash = ?")
                .params(java.sql.Timestamp.from(Instant.now().minusSeconds(1)), Tokens.sha256(fourth)).update();
        assertThat(tokens.authenticate(fourth)).as("expired").isEmpty();

        String fifth = tokenFor("127.0.0.15", "token.parent.four");
        assertThat(tokens.revokeAll(id)).isPositive();
        assertThat(tokens.authenticate(fifth)).isEmpty();
    }

    @Test
    void aBrowserSessionCookieIsNotATokenSoAnotherSiteCannotUseIt() throws Exception {
        parent("token.parent.five");
        var browser = formSignIn("127.0.0.16", "token.parent.five", PASSWORD);
        var response = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/nothing-here"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("Set-Cookie")).as("the API never starts a session").isEmpty();
    }

    @Test
    void badBodiesGetAKindJson400() throws Exception {
        for (String body : new String[] {"", "not json", "{}", "{\"username\":\"\",\"password\":\"x\"}",
                "{\"username\":\"x\"}", "[1,2]", "{\"username\":\"</script><img src=x onerror=alert(1)>\",\"password\":\"\"}"}) {
            var answer = post("127.0.0.17", body);
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).as(body).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(answer.body()).as(body).contains("Send JSON with your sign-in name and password").doesNotContain("<script");
        }
        var plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/token"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(plain.body()).contains("Send JSON");
    }

    @Test
    void aPolishAppGetsPolishWords() throws Exception {
        var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/token"))
                .header("Content-Type", "application/json").header("Accept-Language", "pl")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.body()).contains("Wyślij JSON");
    }

    // ---- helpers ----

    @Test
    void manyHashesAreCheckedAtOnceAndOnlyTheGoodOnesComeBackWithTheirAccounts() {
        long one = parent("token.parent.batch1");
        long two = parent("token.parent.batch2");
        String good = tokens.issue("token.parent.batch1", PASSWORD, "127.0.0.31").token();
        String revoked = tokens.issue("token.parent.batch2", PASSWORD, "127.0.0.31").token();
        String alsoGood = tokens.issue("token.parent.batch2", PASSWORD, "127.0.0.31").token();
        tokens.revoke(revoked);
        var hashes = new java.util.ArrayList<String>();
        for (int i = 0; i < 700; i++) { // more than one read's worth (500), with the good ones in both reads
            hashes.add(Tokens.sha256("nobody's token " + i));
        }
        hashes.add(3, ApiTokens.hash(good));
        hashes.add(ApiTokens.hash(revoked));
        hashes.add(ApiTokens.hash(alsoGood));
        hashes.add(ApiTokens.hash(good)); // the same one twice
        assertThat(tokens.stillGoodByHash(hashes))
                .isEqualTo(Map.of(ApiTokens.hash(good), one, ApiTokens.hash(alsoGood), two));
        assertThat(tokens.stillGoodByHash(java.util.List.of())).isEmpty();
    }

    private long parent(String username) {
        return TestAccounts.copy(jdbc, "parent.a", username, "Tester " + username, "PARENT");
    }

    private String tokenFor(String from, String username) throws Exception {
        var answer = post(from, "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return (String) JSON.readValue(answer.body(), Map.class).get("token");
    }

    private HttpResponse<String> post(String from, String json) throws Exception {
        var client = HttpClient.newBuilder().localAddress(InetAddress.getByName(from)).build();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> delete(String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/token"))
                .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sign-in form, posted from a loopback address; returns the client holding the session cookie. */
    private HttpClient formSignIn(String from, String username, String password) throws Exception {
        var client = org.village.HttpSignIn.client(from);
        org.village.HttpSignIn.post(client, port, username, password);
        return client;
    }
}
