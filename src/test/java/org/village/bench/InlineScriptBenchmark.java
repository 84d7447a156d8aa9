package org.village.bench;

import java.util.Arrays;
import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.village.e2e.Hostile;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: what the inline-script guard (decision 030) costs per page. Builds pages the way Vaadin's
 * IndexHtmlRequestHandler does, with a first-response JSON of the given size, and times the guard alone
 * (p50/p95 in microseconds), plus the bytes the nonces add.
 * <p>
 * Run: scripts/bench-inline-script.sh
 */
public final class InlineScriptBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        var guard = Class.forName("org.village.security.InlineScriptGuard")
                .getDeclaredMethod("guard", Document.class, String.class);
        guard.setAccessible(true);
        for (int kb : new int[] {10, 60, 250}) {
            long[] micros = new long[1_000];
            int grown = 0;
            var template = page(kb);
            int before = template.html().length();
            for (int i = -300; i < micros.length; i++) {
                var page = template.clone();
                long t0 = System.nanoTime();
                guard.invoke(null, page, "AAAAAAAAAAAAAAAAAAAAAA==");
                long t = System.nanoTime() - t0;
                if (i >= 0) {
                    micros[i] = t / 1_000;
                }
                if (i == 0) {
                    grown = page.html().length() - before;
                }
            }
            Arrays.sort(micros);
            System.out.printf("first response %d KB: p50 %d us, p95 %d us, p99 %d us (n=%d); page grows %d bytes%n", kb,
                    micros[micros.length / 2], micros[micros.length * 95 / 100], micros[micros.length * 99 / 100],
                    micros.length, grown);
        }
    }

    /** A page like Vaadin's: six scripts, one carrying the first response as JSON with some hostile text in it. */
    private static Document page(int kb) {
        var initial = JSON.createObjectNode();
        var changes = initial.putObject("initial").putArray("changes");
        int size = 0;
        for (int i = 0; size < kb * 1024; i++) {
            String value = "Support for families, open Monday to Friday. " + (i % 50 == 0 ? Hostile.EVERYTHING : "");
            changes.addObject().put("node", i).put("key", "text").put("value", value);
            size += value.length() + 30;
        }
        var page = Jsoup.parse("<!doctype html><html><head></head><body><div id=outlet></div></body></html>");
        var data = new Element("script").attr("initial", "");
        data.appendChild(new DataNode("window.Vaadin = window.Vaadin || {};window.Vaadin.TypeScript= " + initial + ";"));
        page.head().appendChild(data);
        for (int s = 0; s < 4; s++) {
            page.head().appendChild(new Element("script").appendChild(new DataNode("window.Vaadin.x" + s + " = 1;")));
        }
        page.head().appendChild(new Element("script").attr("type", "module").attr("src", "VAADIN/build/indexhtml.js"));
        return page;
    }
}
