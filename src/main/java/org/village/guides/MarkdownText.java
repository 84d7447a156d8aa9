package org.village.guides;

import java.util.regex.Pattern;

/**
 * Markdown to plain text for the reading-age check, search and snippets: front matter, markup and link
 * targets go; the words and line breaks stay (a line break ends a sentence for the check).
 */
public final class MarkdownText {

    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\R.*?\\R---\\R", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern LINE_MARKUP = Pattern.compile("(?m)^\\s*(#{1,6}\\s+|>\\s?|[-*+]\\s+|\\d+[.)]\\s+)+");
    private static final Pattern EMPHASIS = Pattern.compile("[*_`~]+");
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*([-*_]\\s*){3,}$");

    private MarkdownText() {
    }

    public static String stripFrontMatter(String markdown) {
        return FRONT_MATTER.matcher(markdown).replaceFirst("");
    }

    public static String plain(String markdown) {
        String text = stripFrontMatter(markdown == null ? "" : markdown);
        text = RULE.matcher(text).replaceAll("");
        text = LINK.matcher(text).replaceAll("$1");
        text = TAG.matcher(text).replaceAll("");
        text = LINE_MARKUP.matcher(text).replaceAll("");
        text = EMPHASIS.matcher(text).replaceAll("");
        return text.replaceAll("[ \\t]+", " ").strip();
    }
}
