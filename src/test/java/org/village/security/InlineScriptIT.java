package org.village.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.village.IntegrationTest;
import org.village.TestUsers;
import org.village.directory.ImportReport;
import org.village.e2e.Hostile;
import org.village.e2e.HostileData;
import org.village.shared.InputProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile text in addresses and in stored data reaches the page Vaadin writes on the first request, read here
 * as raw HTML (no browser): it must arrive inside Vaadin's data script as escaped JSON, never as markup, and
 * every script must carry the nonce from this response's Content-Security-Policy.
 */
class InlineScriptIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern NONCE = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'unsafe-eval'");

    @LocalServerPort
    int port;
    @Autowired
    HostileData data;
    @Autowired
    AccountService accounts;
    @Autowired
    TestUsers users;

    private final HttpClient http = HttpClient.newHttpClient();

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Encoded for a path: the slashes stay slashes (an encoded slash is refused before any page is made). */
    private static String pathPart(String text) {
        return q(text).replace("%2F", "/");
    }

    private record Page(int status, Document html, JsonNode initial) {
    }

    /** Fetches a page and checks it is safe whatever it shows; returns it with its first server response. */
    private Page fetch(String path, int expectedStatus) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(expectedStatus);
        String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).as(path).doesNotContain("'unsafe-inline' 'unsafe-eval'").contains("script-src-attr 'none'");
        var m = NONCE.matcher(csp);
        assertThat(m.find()).as("a nonce in the policy of " + path).isTrue();
        String nonce = m.group(1);

        var html = Jsoup.parse(response.body());
        JsonNode initial = null;
        for (Element script : html.select("script")) {
            assertThat(script.attr("nonce")).as("nonce of a script on " + path).isEqualTo(nonce);
            String js = script.data();
            assertThat(js).as("inline script on " + path).doesNotContainIgnoringCase("</script").doesNotContain("<!--");
            if (js.contains(InlineScriptGuard.INITIAL_DATA_MARK)) {
                assertThat(js).as("Vaadin's data script on " + path).doesNotContain("<", "\u2028", "\u2029");
                String json = js.substring(js.indexOf(InlineScriptGuard.INITIAL_DATA_MARK)
                        + InlineScriptGuard.INITIAL_DATA_MARK.length(), js.lastIndexOf(';'));
                initial = JSON.readTree(json);
            } else {
                assertThat(js).as("a script other than Vaadin's data on " + path).doesNotContain("__pwned");
            }
        }
        assertThat(html.select("[^on]")).as("elements with event handlers on " + path).isEmpty();
        assertThat(html.select("img, svg, iframe, object")).as("markup made of text on " + path).isEmpty();
        assertThat(html.select("a[href^=javascript], a[href^=JAVASCRIPT]")).as(path).isEmpty();
        return new Page(response.statusCode(), html, initial);
    }

    @Test
    void hostileTextInTheAddressStaysText() throws Exception {
        for (var hostile : Hostile.BY_NAME.entrySet()) {
            var page = fetch("guides/search?q=" + q(hostile.getValue()), 200);
            assertThat(page.initial()).as(hostile.getKey()).isNotNull();
            assertThat(page.initial().toString()).as("the search words reach the page, as data: " + hostile.getKey())
                    .contains(JSON.writeValueAsString(hostile.getValue()).replaceAll("^\"|\"$", ""));
        }
        for (String path : new String[] {"", "guides", "help-now", "staying-safe", "jargon-buster", "services", "login",
                "join", "guides/who-sees-what"}) {
            fetch(path + "?q=" + q(Hostile.EVERYTHING) + "&lang=" + q(Hostile.SCRIPT_END) + "&error=" + q(Hostile.SCRIPT_END),
                    200);
        }
        fetch("login?wait=" + q(Hostile.SCRIPT_END), 200);
        // unknown addresses keep their 404, hostile or not
        fetch("no-such-page/" + pathPart(Hostile.SCRIPT_END), 404);
        fetch("services/" + pathPart(Hostile.SCRIPT_END), 404);
        fetch("guides/" + pathPart(Hostile.SCRIPT_END), 404);
        fetch("join/" + pathPart(Hostile.EVENT_HANDLER), 200);
        fetch("reset/" + pathPart(Hostile.EVENT_HANDLER), 200);
        fetch("services/" + pathPart(Hostile.EVENT_HANDLER), 404);
    }

    @Test
    void anImportedServiceWithHostileTextStaysText() throws Exception {
        String slug = "hostile-import-check";
        try {
            data.plantService(slug);
            var page = fetch("services/" + slug, 200);
            assertThat(page.initial().toString()).contains(Hostile.SCRIPT_END + "@example.org",
                    HostileData.SHORT_SCRIPT_END, "Hostile test service " + Hostile.SCRIPT_END);
            fetch("services?q=" + q("Hostile test"), 200);
        } finally {
            data.removeService(slug);
        }
    }

    @Test
    void theImportRefusesAWebAddressThatIsNotHttp() throws Exception {
        for (String address : new String[] {Hostile.JAVASCRIPT_URL, "JavaScript:window.__pwned=1",
                "data:text/html,<script>window.__pwned=1</script>", "vbscript:x"}) {
            var record = data.serviceRecord("hostile-address-check");
            record.put("url", address);
            var report = data.importFeed(record);
            assertThat(report.applied()).as(address).isFalse();
            assertThat(report.lines()).as(address).singleElement()
                    .satisfies(l -> assertThat(l.change()).isEqualTo(ImportReport.Change.FAILED))
                    .satisfies(l -> assertThat(l.detail()).contains("Web addresses should start with https://"));
        }
    }

    @Test
    void aGuideAndATermWithHostileTextStayText() throws Exception {
        var guide = data.plantGuide();
        try {
            var page = fetch("guides/" + guide.slug(), 200);
            assertThat(page.initial().toString()).contains("Hostile test " + Hostile.SCRIPT_END);
            String term = data.plantTerm();
            assertThat(fetch("jargon-buster", 200).initial().toString()).contains(term);
            fetch("guides/search?q=" + q("Zzhostile"), 200);
        } finally {
            data.unpublish(guide);
        }
    }

    @Test
    void hostileDisplayNamesAreRefusedWhenAnAccountIsMade() {
        users.as("admin");
        try {
            for (var hostile : Hostile.BY_NAME.entrySet()) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.createStaff("hostile.name.check",
                                hostile.getValue(), "WORKER", "a-long-and-unusual-passphrase-42"))
                        .as(hostile.getKey()).isInstanceOf(InputProblem.class);
            }
        } finally {
            users.anonymous();
        }
    }
}
