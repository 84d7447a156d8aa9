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
 * An address that leads nowhere is answered with HTTP 404 (so search engines and link checkers drop it),
 * while the page itself stays the kind one with help now. Real pages still answer 200.
 */
class UnknownAddressesIT extends IntegrationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anUnknownGuideIs404WithTheKindGuidePage() throws Exception {
        var response = get("guides/no-such-guide");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("We could not find that guide", "See all guides", "999");
        assertThat(get("guides/who-sees-what").statusCode()).isEqualTo(200);
        assertThat(get("guides/who-sees-what?lang=pl").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownServiceIs404WithTheKindPage() throws Exception {
        var response = get("services/no-such-service");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("We could not find that page", "999");
        assertThat(get("services/base").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownAddressIs404() throws Exception {
        assertThat(get("no-such-page").statusCode()).isEqualTo(404);
        assertThat(get("").statusCode()).isEqualTo(200);
    }

    /** {@code /error} typed or shared: a kind 404 like any unknown address, never "500" with {@code "status":999}. */
    @Test
    void theErrorAddressAskedForDirectlyIsAKind404() throws Exception {
        var page = get("error");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("We could not find that page", "999").doesNotContain("\"status\":999", "Whitelabel");
        var json = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/error"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.body()).doesNotContain("\"status\":999");
        var post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/error"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isIn(403, 404);
        assertThat(post.body()).doesNotContain("\"status\":999");
    }

    /** As a browser asks for a page (Vaadin only answers HTML requests with the app). */
    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + path))
                .header("Accept", "text/html,application/xhtml+xml").build(), HttpResponse.BodyHandlers.ofString());
    }
}
