package org.village.guides;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Markdown (CommonMark) to safe HTML. Raw HTML in the Markdown is escaped, unsafe link targets are dropped
 * by CommonMark, and the result goes through an OWASP allow-list anyway: a worker's account could be
 * misused, and what reaches a parent's screen must never run script or load anything from elsewhere.
 */
public final class ContentRenderer {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    // A soft line break shows as a break: the "What happens / Who does it" lines of a step read as a list.
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).softbreak("<br />\n").build();
    private static final Pattern STEP = Pattern.compile("(?m)^## +Step\\b");
    private static final Pattern HEADING2 = Pattern.compile("(?m)^## ");

    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "blockquote", "br", "hr",
                    "code", "pre", "table", "thead", "tbody", "tr", "th", "td")
            // the page already has its h1: a guide's own top-level headings become h2
            .allowElements((name, attrs) -> "h2", "h1")
            .allowElements("a")
            .allowAttributes("href").onElements("a")
            .allowUrlProtocols("https", "http", "mailto", "tel")
            .requireRelsOnLinks("noopener", "noreferrer")
            .toFactory();

    private ContentRenderer() {
    }

    /** Safe HTML for any Markdown. */
    public static String html(String markdown) {
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown == null ? "" : markdown)));
    }

    /**
     * A pathway's "## Step ..." sections become an ordered list of step cards; the text before the first
     * step and the sections after the last step stay as they are.
     */
    public static String pathwayHtml(String markdown) {
        var stepStarts = new ArrayList<Integer>();
        var m = STEP.matcher(markdown);
        while (m.find()) {
            stepStarts.add(m.start());
        }
        if (stepStarts.isEmpty()) {
            return html(markdown);
        }
        var out = new StringBuilder(html(markdown.substring(0, stepStarts.getFirst())));
        out.append("<ol class=\"steps\">");
        String tail = "";
        for (int s = 0; s < stepStarts.size(); s++) {
            int start = stepStarts.get(s);
            int end = s + 1 < stepStarts.size() ? stepStarts.get(s + 1) : markdown.length();
            String section = markdown.substring(start, end);
            if (s == stepStarts.size() - 1) {
                var next = HEADING2.matcher(section);
                if (next.find(3)) {
                    tail = section.substring(next.start());
                    section = section.substring(0, next.start());
                }
            }
            out.append("<li class=\"step\">").append(html(section)).append("</li>");
        }
        out.append("</ol>").append(html(tail));
        return out.toString();
    }
}
