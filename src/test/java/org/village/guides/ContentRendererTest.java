package org.village.guides;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ContentRendererTest {

    private static final Pattern TAG = Pattern.compile("<\\/?([a-zA-Z0-9]+)([^>]*)>");
    private static final Pattern ATTR = Pattern.compile("([a-zA-Z-]+)\\s*=\\s*\"([^\"]*)\"");
    private static final List<String> ALLOWED = List.of("p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em",
            "blockquote", "br", "hr", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "a");

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "Hello <img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](  javascript:alert(1))",
            "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "![img](javascript:alert(1))",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<p style=\"background:url(javascript:alert(1))\">styled</p>",
            "<div>\n<script>alert(1)</script>\n</div>",
            "<svg onload=alert(1)><circle r=10 /></svg>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<object data=\"x.swf\"></object><embed src=x>",
            "<form action=\"https://evil.example\"><input name=q></form>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "[x](vbscript:msgbox(1))",
            "<body onload=alert(1)>",
            "<a href=\"#\" onclick=\"alert(1)\">click</a>",
            "<link rel=stylesheet href=https://evil.example/x.css>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "`<script>` in code is fine as text\n\n    <script>alert(1)</script>"
    })
    void hostileInputNeverReachesThePage(String hostile) {
        String html = ContentRenderer.html(hostile);
        // Hostile markup may survive only as escaped text; every real tag must be on the allow-list,
        // and the only attributes are a safe href and the rel the sanitiser adds.
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            assertThat(ALLOWED).as(hostile + " -> " + html).contains(tag.group(1).toLowerCase(Locale.ROOT));
            Matcher attr = ATTR.matcher(tag.group(2));
            while (attr.find()) {
                assertThat(attr.group(1)).as(hostile + " -> " + html).isIn("href", "rel");
                if (attr.group(1).equals("href")) {
                    assertThat(attr.group(2).toLowerCase(Locale.ROOT).replaceAll("\\s", ""))
                            .as(hostile).doesNotStartWith("javascript").doesNotStartWith("data")
                            .doesNotStartWith("vbscript");
                }
            }
        }
        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script", "<iframe", "<svg", "<img", "<style");
    }

    @Test
    void ordinaryMarkdownKeepsItsMeaning() {
        String html = ContentRenderer.html("# Title\n\nSome **bold** text and [a link](https://www.nspcc.org.uk).\n\n- one\n- two");
        assertThat(html).contains("<h2>Title</h2>", "<strong>bold</strong>", "<li>one</li>")
                .contains("href=\"https://www.nspcc.org.uk\"").contains("rel=\"noopener noreferrer\"");
    }

    @Test
    void pathwayStepsBecomeAnOrderedList() {
        String html = ContentRenderer.pathwayHtml("Intro.\n\n## Step 1: Call\n\nCall us.\n\n## Step 2: Wait\n\nWait.\n\n## Who can help\n\nUs.");
        assertThat(html).contains("<ol class=\"steps\">").containsOnlyOnce("<ol");
        assertThat(html.indexOf("Who can help")).isGreaterThan(html.indexOf("</ol>"));
        assertThat(html.split("<li class=\"step\">")).hasSize(3);
    }
}
