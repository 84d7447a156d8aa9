package org.village.content.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.village.content.ContentPolicy;

/**
 * The CommonMark parser (without front matter: callers take it off first, so a text that happens to start
 * with a rule is shown as written) and renderer, and the OWASP allow-list, for each {@link ContentPolicy}. Raw HTML in
 * the Markdown is escaped and unsafe link targets are dropped by CommonMark; the allow-list then removes
 * anything the policy does not allow, so a misused account can never put script or outside content on a page.
 */
public final class Policies {

    /** Link targets every policy allows. */
    public static final String[] PROTOCOLS = {"https", "http", "mailto", "tel"};

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    // A soft line break shows as a break: the "What happens / Who does it" lines of a step read as a list.
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).urlSanitizer(new LinkTargets()).softbreak("<br />\n").build();
    // what CommonMark let through must still be one of the four kinds; an emptied href drops the link, not its words
    private static final Pattern SAFE_HREF = Pattern.compile("(?i)^(https?://|mailto:|tel:)\\S+$");

    private static final PolicyFactory GUIDE = new HtmlPolicyBuilder()
            .allowElements("p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "blockquote", "br", "hr",
                    "code", "pre", "table", "thead", "tbody", "tr", "th", "td")
            // the page already has its h1: a guide's own top-level headings become h2
            .allowElements((name, attrs) -> "h2", "h1")
            .allowElements((name, attrs) -> "h4", "h5", "h6")
            .allowElements("a")
            .allowAttributes("href").matching(SAFE_HREF).onElements("a")
            .allowUrlProtocols(PROTOCOLS)
            .requireRelsOnLinks("noopener", "noreferrer")
            .toFactory();

    // Headings in a post would shout; they become plain paragraphs, as do tables' cells.
    private static final PolicyFactory FORUM_POST = new HtmlPolicyBuilder()
            .allowElements("p", "ul", "ol", "li", "strong", "em", "blockquote", "br", "code")
            .allowElements((name, attrs) -> "p", "h1", "h2", "h3", "h4", "h5", "h6", "pre")
            .allowElements("a")
            .allowAttributes("href").matching(SAFE_HREF).onElements("a")
            .allowUrlProtocols(PROTOCOLS)
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .toFactory();

    // A chat message is a line or two: no blocks beyond paragraphs; list items and headings keep their words.
    private static final PolicyFactory CHAT_MESSAGE = new HtmlPolicyBuilder()
            .allowElements("p", "strong", "em", "br")
            .allowElements((name, attrs) -> "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote")
            .allowElements("a")
            .allowAttributes("href").matching(SAFE_HREF).onElements("a")
            .allowUrlProtocols(PROTOCOLS)
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .toFactory();

    private Policies() {
    }

    public static Parser parser() {
        return PARSER;
    }

    public static HtmlRenderer renderer() {
        return RENDERER;
    }

    public static PolicyFactory sanitiser(ContentPolicy policy) {
        return switch (policy) {
            case GUIDE -> GUIDE;
            case FORUM_POST -> FORUM_POST;
            case CHAT_MESSAGE -> CHAT_MESSAGE;
        };
    }

    /** Link targets: only web, e-mail and phone addresses; images never load from anywhere. */
    private static final class LinkTargets implements UrlSanitizer {
        @Override
        public String sanitizeLinkUrl(String url) {
            String u = url == null ? "" : url.strip();
            String lower = u.toLowerCase(Locale.ROOT);
            for (String protocol : PROTOCOLS) {
                if (lower.startsWith(protocol + ":")) {
                    return u;
                }
            }
            return "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return "";
        }
    }
}
