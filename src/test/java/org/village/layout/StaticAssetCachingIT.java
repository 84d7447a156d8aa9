package org.village.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.village.IntegrationTest;

/**
 * Issue 8, item 11: a second page load must not fetch the front-end bundle again. Files with a content hash
 * in their name are kept for a year; our own unhashed files answer 304 when the browser already has them;
 * a missing bundle file is never kept. The page itself (it shows people's data) is never stored.
 */
class StaticAssetCachingIT extends IntegrationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void hashedBundleFilesAreKeptForAYear() throws Exception {
        String page = get("/guides").body();
        var script = Pattern.compile("\"\\./(VAADIN/build/[^\"]+\\.js)\"").matcher(page);
        assertThat(script.find()).as("the page loads a bundle file").isTrue();
        var bundle = get("/" + script.group(1));
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Cache-Control")).hasValue(StaticAssetCaching.FOREVER);
    }

    @Test
    void aMissingBundleFileIsNotKept() throws Exception {
        var missing = get("/VAADIN/build/nothing-here-Abcdefgh.js");
        assertThat(missing.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(missing.headers().allValues("Cache-Control")).doesNotContain(StaticAssetCaching.FOREVER);
    }

    @Test
    void ourOwnFilesAnswerNotModifiedWhenTheBrowserHasThem() throws Exception {
        for (String path : new String[] {"/village.css", "/quick-exit.js"}) {
            var first = get(path);
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("Cache-Control")).as(path).hasValue(StaticAssetCaching.ASK_AGAIN);
            String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
            assertThat(get(path, "If-Modified-Since", lastModified).statusCode()).as(path).isEqualTo(304);
        }
    }

    @Test
    void pagesThemselvesAreNotKeptForLong() throws Exception {
        var page = get("/help-now");
        assertThat(page.headers().allValues("Cache-Control")).doesNotContain(StaticAssetCaching.FOREVER);
        // not kept at all: the quick exit no longer clears the browser's cache (decision 003, later)
        for (String path : new String[] {"/help-now", "/guides", "/login", "/services"}) {
            assertThat(String.join(",", get(path).headers().allValues("Cache-Control"))).as(path).contains("no-store");
        }
    }
}
