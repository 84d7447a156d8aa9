package org.village.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.village.IntegrationTest;

/**
 * Browsers ask for /favicon.ico (and Safari for apple-touch-icon) by themselves while a page starts. That
 * request must not open a session: its new cookie would replace the page's own, and the page would reload
 * itself, losing a quick exit pressed at that moment (found by QuickExitEveryRouteJourneyIT).
 */
class BrowserIconAddressesIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void iconsBrowsersAskForOpenNoSession() throws Exception {
        var http = HttpClient.newHttpClient();
        for (String path : new String[] {"/favicon.ico", "/apple-touch-icon.png", "/apple-touch-icon-precomposed.png"}) {
            var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
        }
    }
}
