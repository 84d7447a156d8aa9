package org.village.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.village.e2e.Hostile;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The escaping itself, without a server or a browser: a page built the way Vaadin's IndexHtmlRequestHandler
 * builds it (JSON of the first response written into an inline script), guarded, written out and read back
 * by an HTML parser. The hostile text must come back as the same string inside the one script, with nothing
 * else made of it.
 */
class InlineScriptGuardTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PREFIX = "window.Vaadin = window.Vaadin || {};window.Vaadin.TypeScript= ";

    /** Like IndexHtmlRequestHandler.addInitialFlow: the JSON goes in as a raw data node. */
    private static Document vaadinPage(String text) {
        ObjectNode initial = JSON.createObjectNode();
        initial.putObject("initial").put("text", text).put("title", "Search: " + text);
        var page = Jsoup.parse("<!doctype html><html><head></head><body><div id=outlet></div></body></html>");
        var script = new Element("script").attr("initial", "");
        script.appendChild(new DataNode(PREFIX + initial + ";"));
        page.head().appendChild(script);
        var other = new Element("script");
        other.appendChild(new DataNode("window.Vaadin.note = '</div><!-- not markup';"));
        page.head().appendChild(other);
        return page;
    }

    @Test
    void everyHostileTextStaysInsideTheScriptAsTheSameString() throws Exception {
        for (Map.Entry<String, String> hostile : Hostile.BY_NAME.entrySet()) {
            var page = vaadinPage(hostile.getValue());
            InlineScriptGuard.guard(page, "n0nce");
            var reread = Jsoup.parse(page.html());

            assertThat(reread.select("script")).as(hostile.getKey()).hasSize(2)
                    .allSatisfy(s -> assertThat(s.attr("nonce")).isEqualTo("n0nce"));
            assertThat(reread.select("img, [onerror], [onmouseover]")).as(hostile.getKey()).isEmpty();
            assertThat(reread.body().select("*").not("body")).as(hostile.getKey()).extracting(Element::id).containsExactly("outlet");
            String data = reread.select("script").getFirst().data();
            assertThat(data).as(hostile.getKey()).startsWith(PREFIX).endsWith(";")
                    .doesNotContain("<", ">", "\u2028", "\u2029");
            var json = JSON.readTree(data.substring(PREFIX.length(), data.length() - 1));
            assertThat(json.path("initial").path("text").asString()).as(hostile.getKey()).isEqualTo(hostile.getValue());
            assertThat(reread.select("script").get(1).data()).isEqualTo("window.Vaadin.note = '<\\/div><\\!-- not markup';");
        }
    }

    @Test
    void allOfItAtOnceToo() throws Exception {
        var page = vaadinPage(Hostile.EVERYTHING);
        InlineScriptGuard.guard(page, null);
        var reread = Jsoup.parse(page.html());
        assertThat(reread.select("script")).hasSize(2).allSatisfy(s -> assertThat(s.hasAttr("nonce")).isFalse());
        String data = reread.select("script").getFirst().data();
        assertThat(JSON.readTree(data.substring(PREFIX.length(), data.length() - 1)).path("initial").path("title").asString())
                .isEqualTo("Search: " + Hostile.EVERYTHING);
    }

    @Test
    void unguardedTheSamePageIsBroken() {
        // shows what the guard is for: without it the parser ends the script early and runs the attacker's
        var page = vaadinPage(Hostile.SCRIPT_END);
        assertThat(Jsoup.parse(page.html()).select("script")).hasSizeGreaterThan(2)
                .anySatisfy(s -> assertThat(s.data()).isEqualTo("window.__pwned=1"));
    }

    @Test
    void eachResponseGetsItsOwnNonceAndThePolicyNeedsIt() {
        String a = SecurityHeadersFilter.newNonce();
        String b = SecurityHeadersFilter.newNonce();
        assertThat(a).isNotEqualTo(b).matches("[A-Za-z0-9+/]{22}==");
        assertThat(SecurityHeadersFilter.policy(a)).contains("script-src 'self' 'nonce-" + a + "'")
                .doesNotContain("'unsafe-inline' 'unsafe-eval'", "script-src 'self' 'unsafe-inline'")
                .contains("script-src-attr 'none'", "object-src 'none'", "base-uri 'self'");
    }
}
