package org.village.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.village.shared.InputProblem;

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
        for (ContentPolicy policy : ContentPolicy.values()) {
            assertSafe(hostile, ContentRenderer.html(hostile, policy));
        }
    }

    private static void assertSafe(String hostile, String html) {
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
        String html = ContentRenderer.html("# Title\n\nSome **bold** text and [a link](https://www.nspcc.org.uk).\n\n- one\n- two",
                ContentPolicy.GUIDE);
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

    @Test
    void aGuideKeepsHeadingsTablesListsAndLinks() {
        String html = ContentRenderer.html("## When\n\n| Day | Time |\n|---|---|\n| Monday | 9am |\n\n1. Call\n2. Wait\n\n"
                + "> A quote\n\n[Email us](mailto:help@example.org) or [ring](tel:+441234567890).", ContentPolicy.GUIDE);
        assertThat(html).contains("<h2>When</h2>", "<table>", "<td>Monday</td>", "<ol>", "<li>Call</li>",
                "<blockquote>", "href=\"mailto:help&#64;example.org\"", "href=\"tel:&#43;441234567890\"");
    }

    @Test
    void aForumPostsLinkIsMarkedAsUserContentAndItsHeadingsAndTablesGo() {
        String html = ContentRenderer.html("# Shouting\n\n*Kind* words, a list:\n\n- one\n\n> quoted\n\n"
                + "| a | b |\n|---|---|\n| 1 | 2 |\n\nSee [this](https://example.org/help).", ContentPolicy.FORUM_POST);
        assertThat(html).contains("rel=\"nofollow ugc noopener\"", "href=\"https://example.org/help\"", "<em>Kind</em>",
                "<li>one</li>", "<blockquote>", "Shouting").doesNotContain("<h1", "<h2", "<table", "<td");
    }

    @Test
    void aChatMessageKeepsEmphasisAndLinksOnly() {
        String html = ContentRenderer.html("## Hello\n\n**Hi** there, see [this](https://example.org).\n\n- one\n- two\n\n"
                + "> quoted\n\n`code`", ContentPolicy.CHAT_MESSAGE);
        assertThat(html).contains("<strong>Hi</strong>", "href=\"https://example.org\"", "rel=\"nofollow ugc noopener\"",
                "Hello", "one", "two", "quoted", "code")
                .doesNotContain("<h2", "<ul", "<ol", "<li", "<blockquote", "<code", "<pre");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[x](javascript:alert(1))", "[x](data:text/html,hi)", "[x](file:///etc/passwd)",
            "[x](ftp://example.org/a)", "<a href=\"javascript:alert(1)\">x</a>"})
    void onlyWebMailAndPhoneLinksSurvive(String markdown) {
        for (ContentPolicy policy : ContentPolicy.values()) {
            String html = ContentRenderer.html(markdown, policy);
            assertThat(html).as(policy + ": " + markdown).doesNotContain("href=");
        }
    }

    @Test
    void textLongerThanThePolicyAllowsIsRefusedKindly() {
        assertThat(ContentRenderer.html("a".repeat(4_000), ContentPolicy.CHAT_MESSAGE)).contains("aaaa");
        assertThatThrownBy(() -> ContentRenderer.html("a".repeat(4_001), ContentPolicy.CHAT_MESSAGE))
                .isInstanceOf(InputProblem.class).hasMessageContaining("too long for a message")
                .hasMessageContaining("4,000").hasMessageContaining("still here");
        assertThatThrownBy(() -> ContentRenderer.html("a".repeat(20_001), ContentPolicy.FORUM_POST))
                .isInstanceOf(InputProblem.class).hasMessageContaining("too long for a post");
        assertThatThrownBy(() -> ContentRenderer.html("a".repeat(50_001), ContentPolicy.GUIDE))
                .isInstanceOf(InputProblem.class).hasMessageContaining("50,000");
    }

    @Test
    void deeplyNestedListsAndQuotesAreRefusedKindly() {
        String sixteen = ">".repeat(16) + " deep enough";
        assertThat(ContentRenderer.html(sixteen, ContentPolicy.FORUM_POST)).contains("deep enough");
        assertThatThrownBy(() -> ContentRenderer.html(">".repeat(17) + " too deep", ContentPolicy.FORUM_POST))
                .isInstanceOf(InputProblem.class).hasMessageContaining("too deeply");
        var nested = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            nested.append("  ".repeat(i)).append("- level ").append(i).append('\n');
        }
        assertThatThrownBy(() -> ContentRenderer.html(nested.toString(), ContentPolicy.GUIDE))
                .isInstanceOf(InputProblem.class).hasMessageContaining("still here");
    }

    /**
     * {@link ContentRenderer#check} (no HTML made, most text not even parsed) and {@link ContentRenderer#html} agree
     * on every text: both accept it, or both refuse it with the same words.
     */
    @Test
    void theCheckWithoutHtmlAgreesWithTheRenderer() {
        var corpus = new java.util.ArrayList<String>(List.of("", "plain words", "a. b. c. d.", "</script><script>x</script>",
                "[x](javascript:alert(1))", "\u202eevil\u200b", "' OR 1=1; --", "> quote", "1. one\n2. two",
                "*emphasis* and **strong** - dashes - and + pluses.", "x".repeat(4_000), "x".repeat(4_001),
                "\uD83D\uDE00".repeat(2_001)));
        for (int depth = 14; depth <= 19; depth++) {
            corpus.add(">".repeat(depth) + " quotes");
            corpus.add("> ".repeat(depth) + "spaced quotes");
            var bullets = new StringBuilder();
            var ordered = new StringBuilder();
            var mixed = new StringBuilder();
            for (int i = 0; i < depth; i++) {
                bullets.append("  ".repeat(i)).append("- level ").append(i).append('\n');
                ordered.append("   ".repeat(i)).append("1. level ").append(i).append('\n');
                mixed.append("  ".repeat(i)).append(i % 2 == 0 ? "* " : "> ").append("mixed ").append(i).append('\n');
            }
            corpus.add(bullets.toString());
            corpus.add(ordered.toString());
            corpus.add(mixed.toString());
            corpus.add("- ".repeat(depth) + "one line of bullets");
            corpus.add("1) ".repeat(depth) + "one line of numbers");
            corpus.add("+ > ".repeat(depth / 2) + "plus and quote");
            corpus.add("Full stops. ".repeat(depth) + "and nothing nested");
            corpus.add("-".repeat(depth) + "\n" + ">".repeat(depth / 2) + " dashes then quotes");
        }
        var random = new java.util.Random(99);
        String alphabet = "->*+.) 1a\n\t";
        for (int i = 0; i < 2_000; i++) {
            var text = new StringBuilder();
            int length = 10 + random.nextInt(120);
            for (int c = 0; c < length; c++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            corpus.add(text.toString());
        }
        int refused = 0;
        for (var policy : List.of(ContentPolicy.CHAT_MESSAGE, ContentPolicy.FORUM_POST)) {
            for (String text : corpus) {
                String byRenderer = verdict(() -> ContentRenderer.html(text, policy));
                String byCheck = verdict(() -> ContentRenderer.check(text, policy));
                assertThat(byCheck).as("%s: %s", policy, text).isEqualTo(byRenderer);
                refused += byRenderer.isEmpty() ? 0 : 1;
            }
        }
        assertThat(refused).as("the corpus has texts both ways").isGreaterThan(10);
    }

    private static String verdict(Runnable call) {
        try {
            call.run();
            return "";
        } catch (InputProblem problem) {
            return String.valueOf(problem.getMessage());
        }
    }
}
