package org.village.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
        assertThat(response.headers().firstValue("Clear-Site-Data")).hasValueSatisfying(v -> assertThat(v).contains("cookies"));
    }

    @Test
    void tooManyWrongPasswordsFromOneAddressSlowItDown() {
        String address = "203.0.113.77"; // a documentation address, only ever used as a map key here
        assertThat(protection.addressBlocked(address)).isFalse();
        for (int i = 0; i < 1000; i++) {
            protection.failed("nobody-" + i, address);
        }
        assertThat(protection.addressBlocked(address)).isTrue();
        assertThat(protection.addressBlocked("203.0.113.78")).isFalse();
    }

    @Test
    void wrongPasswordsLockTheAccountAfterTheLimit() {
        jdbc.sql("INSERT INTO user_account (username, display_name, password_hash, role, family_id, created_at) "
                + "SELECT 'count.me', 'Count Test', password_hash, 'PARENT', family_id, NOW(6) FROM user_account "
                + "WHERE username = 'parent.b'").update();
        for (int i = 1; i <= 4; i++) {
            assertThat(protection.failed("count.me", "198.51.100.1")).as("after %d failures", i).isFalse();
        }
        assertThat(protection.failed("count.me", "198.51.100.1")).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'account.locked'").query(Integer.class).single())
                .isPositive();
    }
}
