package org.village.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.village.IntegrationTest;

/** Brute-force protection, headers and health, over real HTTP on 127.0.0.1. */
class SignInProtectionIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    LoginProtection protection;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void publicPagesCarryTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"", "staying-safe", "login"}) {
            var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                    csp -> assertThat(csp).contains("frame-ancestors 'none'", "object-src 'none'"));
            assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().allValues("Set-Cookie")).allSatisfy(
                    c -> assertThat(c).contains("HttpOnly", "SameSite=Lax"));
        }
    }

    @Test
    void healthSaysReadyIncludingTheDatabase() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("UP");
    }

    @Test
    void quickExitEndsTheSessionAndSendsNoReferrer() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/quick-exit")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).contains(NeutralSite.url());
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(response.headers().firstValue("Clear-Site-Data")).hasValueSatisfying(v -> assertThat(v).contains("cookies")
                // "cache" makes Chrome hold the exit for seconds (decision 003, later)
                .doesNotContain("cache"));
    }

    @Test
    void tooManyWrongPasswordsFromOneAddressSlowItDown() {
        String address = "203.0.113.77"; // a documentation address
        assertThat(protection.addressBlocked(address)).isFalse();
        for (int i = 0; i < 1000; i++) {
            protection.failed("nobody-" + i, address);
        }
        assertThat(protection.addressBlocked(address)).isTrue();
        assertThat(protection.addressBlocked("203.0.113.78")).isFalse();
    }

    /**
     * Two nodes (two throttles over the same database) and eight threads each: every failure counts
     * once, whichever node saw it, so the limit holds across nodes and is never overshot by a race.
     */
    @Test
    void theAddressLimitIsSharedByEveryNodeAndCountsConcurrentFailuresExactly() throws Exception {
        var settings = AccountSettings.defaults().withAddressLimit(40, Duration.ofMinutes(10));
        var nodeA = new AddressThrottle(jdbc, settings, Clock.systemUTC());
        var nodeB = new AddressThrottle(jdbc, settings, Clock.systemUTC());
        String address = "203.0.113.90";
        var pool = Executors.newFixedThreadPool(8);
        try {
            var start = new CountDownLatch(1);
            var done = new ArrayList<Future<?>>();
            for (int t = 0; t < 8; t++) {
                var node = t % 2 == 0 ? nodeA : nodeB;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 4; i++) {
                        node.failed(address);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT failures FROM sign_in_address WHERE address_hash = ?")
                .params(nodeA.hash(address)).query(Integer.class).single()).isEqualTo(32);
        assertThat(nodeA.blocked(address)).isFalse();
        for (int i = 0; i < 8; i++) {
            nodeB.failed(address);
        }
        assertThat(nodeA.blocked(address)).as("node A sees what node B counted").isTrue();
        assertThat(nodeB.blocked(address)).isTrue();
        assertThat(nodeA.blocked("203.0.113.91")).isFalse();
        // the address is never stored as it is
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_address WHERE address_hash LIKE '%203.0.113%'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aWindowThatHasPassedStartsAgainAndIsClearedAway() {
        var settings = AccountSettings.defaults().withAddressLimit(3, Duration.ofMinutes(10));
        var throttle = new AddressThrottle(jdbc, settings, Clock.systemUTC());
        String address = "203.0.113.95";
        for (int i = 0; i < 3; i++) {
            throttle.failed(address);
        }
        assertThat(throttle.blocked(address)).isTrue();
        // eleven minutes later (the row is moved back in time rather than waiting)
        jdbc.sql("UPDATE sign_in_address SET window_started_at = window_started_at - INTERVAL 11 MINUTE "
                + "WHERE address_hash = ?").params(throttle.hash(address)).update();
        assertThat(throttle.blocked(address)).as("the window is over").isFalse();
        throttle.failed(address);
        assertThat(jdbc.sql("SELECT failures FROM sign_in_address WHERE address_hash = ?")
                .params(throttle.hash(address)).query(Integer.class).single()).isEqualTo(1);
        jdbc.sql("UPDATE sign_in_address SET window_started_at = window_started_at - INTERVAL 11 MINUTE "
                + "WHERE address_hash = ?").params(throttle.hash(address)).update();
        assertThat(throttle.forgetQuietAddresses()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_address WHERE address_hash = ?")
                .params(throttle.hash(address)).query(Integer.class).single()).isZero();
    }
}
