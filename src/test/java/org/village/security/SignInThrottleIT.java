package org.village.security;

import org.village.MovableClock;
import org.village.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.village.IntegrationTest;

/**
 * Sign-in cannot be used to find accounts or to lock a parent out (issue 8, item 9; decision 036). Real form
 * posts over HTTP on the loopback: the "attacker" comes from 127.0.0.1, the parent from 127.0.0.2.
 */
class SignInThrottleIT extends IntegrationTest {

    private static final String PASSWORD = "sunny-garden-path"; // parent.a's demo password, copied to the test accounts

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AddressThrottle keys;
    @Autowired
    NameAddressThrottle pairs;
    @Autowired
    LoginProtection protection;

    @BeforeEach
    void freshAddresses() {
        // the per-address limit has its own tests; these start with a clean slate for the loopback addresses
        jdbc.sql("DELETE FROM sign_in_address").update();
    }

    @Test
    void realAndUnknownNamesGetTheSameAnswersAllTheWay() throws Exception {
        parent("same.answer", "Same Answer");
        var answersForReal = new ArrayList<String>();
        var answersForUnknown = new ArrayList<String>();
        for (int i = 0; i < 6; i++) {
            answersForReal.add(signIn("127.0.0.1", "same.answer", "wrong-password-" + i).location);
            answersForUnknown.add(signIn("127.0.0.1", "nobody.has.this.name", "wrong-password-" + i).location);
        }
        assertThat(answersForReal).isEqualTo(answersForUnknown);
        assertThat(answersForReal).containsExactly("/login?error", "/login?error", "/login?error", "/login?error",
                "/login?wait=1", "/login?wait=1");
        // nothing anywhere says "paused" or "locked" for the real one
        assertThat(answersForReal).noneMatch(a -> a.contains("locked") || a.contains("disabled"));
    }

    @Test
    void aSwitchedOffAccountIsOnlyMentionedToSomeoneWithItsPassword() throws Exception {
        parent("switched.off.parent", "Switched Off");
        jdbc.sql("UPDATE user_account SET enabled = FALSE WHERE username = 'switched.off.parent'").update();
        assertThat(signIn("127.0.0.1", "switched.off.parent", "not-the-password").location).isEqualTo("/login?error");
        assertThat(signIn("127.0.0.1", "switched.off.parent", PASSWORD).location).isEqualTo("/login?disabled");
    }

    @Test
    void theGuesserWaitsButTheParentSignsInFromElsewhere() throws Exception {
        parent("target.parent", "Target Parent");
        for (int i = 0; i < 5; i++) {
            signIn("127.0.0.1", "target.parent", "guess-" + i);
        }
        // the guessing address must wait, even with the right password: it cannot keep trying
        assertThat(signIn("127.0.0.1", "target.parent", PASSWORD).location).isEqualTo("/login?wait=1");
        // the parent, on another address, signs in at once
        var parent = signIn("127.0.0.2", "target.parent", PASSWORD);
        assertThat(parent.location).isEqualTo("/");
        assertThat(parent.page("account")).contains("You are signed in as Target Parent");
        // once the wait is over, the first address may try again, and the right password works there too
        jdbc.sql("UPDATE sign_in_pair SET wait_until = NOW(6) - INTERVAL 1 SECOND WHERE name_hash = ?")
                .param(pairs.nameHash("target.parent")).update();
        assertThat(signIn("127.0.0.1", "target.parent", PASSWORD).location).isEqualTo("/");
        // and a sign-in clears that pair: the next mistake is a free one again
        assertThat(signIn("127.0.0.1", "target.parent", "typo").location).isEqualTo("/login?error");
    }

    @Test
    void theWaitsGrowWithEachWrongPasswordAndAreForgottenAfterAQuietHour() {
        // a clock long past, so that clearing "quiet" pairs can only touch this test's rows
        var clock = new MovableClock(Instant.parse("2020-01-01T20:00:00Z"));
        var throttle = new NameAddressThrottle(jdbc, AccountSettings.defaults(), clock, keys);
        String name = "growing.waits";
        String address = "198.51.100.40";
        var waits = new ArrayList<Long>();
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.attempt(name, address)).as("attempt %d is let through", i + 1).isZero();
            var wait = throttle.waiting(name, address).orElse(Duration.ZERO);
            waits.add(wait.toMinutes());
            // refused while waiting, and a refused attempt does not make the wait longer
            if (!wait.isZero()) {
                assertThat(throttle.attempt(name, address)).isEqualTo(wait);
                assertThat(throttle.waiting(name, address)).contains(wait);
            }
            clock.move(wait);
        }
        assertThat(waits).containsExactly(0L, 0L, 0L, 0L, 1L, 2L, 4L, 8L, 15L, 15L);
        // another name from the same address, and the same name from another address, are untouched
        assertThat(throttle.attempt("someone.else", address)).isZero();
        assertThat(throttle.attempt(name, "198.51.100.41")).isZero();
        // an hour without attempts: the count starts again
        clock.move(Duration.ofMinutes(61));
        assertThat(throttle.attempt(name, address)).isZero();
        assertThat(throttle.waiting(name, address)).isEmpty();
        clock.move(Duration.ofMinutes(61));
        assertThat(throttle.forgetQuietPairs()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_pair WHERE name_hash = ? AND address_hash = ?")
                .params(throttle.nameHash(name), keys.hash(address)).query(Integer.class).single()).isZero();
    }

    /** Twenty guesses sent at once: each is counted before its password is checked, so only the free ones get through. */
    @Test
    void aBurstOfParallelGuessesGetsOnlyTheFreeTries() throws Exception {
        String name = "burst.target";
        String address = "198.51.100.50";
        var pool = Executors.newFixedThreadPool(10);
        var start = new CountDownLatch(1);
        List<Future<Duration>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return pairs.attempt(name, address);
                }));
            }
            start.countDown();
            int letThrough = 0;
            for (var answer : answers) {
                letThrough += answer.get(60, TimeUnit.SECONDS).isZero() ? 1 : 0;
            }
            // four free tries, and the fifth is the one whose failure starts the first wait
            assertThat(letThrough).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNewPasswordFromAResetLinkClearsTheWaits() throws Exception {
        parent("reset.clears", "Reset Clears");
        for (int i = 0; i < 5; i++) {
            signIn("127.0.0.1", "reset.clears", "guess-" + i);
        }
        assertThat(signIn("127.0.0.1", "reset.clears", PASSWORD).location).startsWith("/login?wait=");
        assertThat(pairs.slowedAnywhere("reset.clears")).isTrue();
        pairs.forget("Reset.Clears"); // what AccountService.resetPassword does; names are compared without case
        assertThat(pairs.slowedAnywhere("reset.clears")).isFalse();
        assertThat(signIn("127.0.0.1", "reset.clears", PASSWORD).location).isEqualTo("/");
    }

    @Test
    void neitherTheNameNorTheAddressIsStoredAsTyped() throws Exception {
        signIn("127.0.0.1", "plain.name.check", "wrong");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_pair WHERE name_hash LIKE '%plain%' OR address_hash LIKE '%127.0%'")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_pair WHERE name_hash = ?")
                .param(pairs.nameHash("plain.name.check")).query(Integer.class).single()).isEqualTo(1);
    }

    // ---- helpers ----

    private void parent(String username, String displayName) {
        TestAccounts.copy(jdbc, "parent.a", username, displayName, "PARENT");
    }

    record SignIn(String location, HttpClient client, int port) {
        String page(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + path))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    /** Posts the sign-in form from the given loopback address; returns where the portal sends the browser. */
    private SignIn signIn(String from, String username, String password) throws Exception {
        var client = org.village.HttpSignIn.client(from);
        var response = org.village.HttpSignIn.post(client, port, username, password);
        assertThat(response.statusCode()).isEqualTo(302);
        return new SignIn(org.village.HttpSignIn.location(response), client, port);
    }

}
