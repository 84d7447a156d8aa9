package org.village.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.ext.front.matter.YamlFrontMatterBlock;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.text.LineBreakRendering;
import org.commonmark.renderer.text.TextContentNodeRendererContext;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Markdown to plain text for the reading-age check, search and snippets, with CommonMark's text renderer:
 * front matter, markup, raw HTML and link targets go; the words and line breaks stay (a line break ends a
 * sentence for the check). Front matter is read with CommonMark's YAML front-matter extension.
 */
public final class MarkdownText {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(YamlFrontMatterExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().extensions(EXTENSIONS)
            .lineBreakRendering(LineBreakRendering.SEPARATE_BLOCKS)
            .nodeRendererFactory(WordsOnly::new).build();

    private MarkdownText() {
    }

    /** The text without its front matter (the block between the opening and closing {@code ---}). */
    public static String stripFrontMatter(String markdown) {
        String text = markdown == null ? "" : markdown;
        Node first = PARSER.parse(text).getFirstChild();
        if (!(first instanceof YamlFrontMatterBlock) || first.getSourceSpans().isEmpty()) {
            return text;
        }
        var last = first.getSourceSpans().getLast();
        int end = last.getInputIndex() + last.getLength();
        // the closing line's own line break goes too
        if (end < text.length() && text.charAt(end) == '\r') {
            end++;
        }
        if (end < text.length() && text.charAt(end) == '\n') {
            end++;
        }
        return text.substring(Math.min(end, text.length()));
    }

    /** The front matter's fields, each with its first value ("title", "slug", ...); empty when there is none. */
    public static Map<String, String> frontMatter(String markdown) {
        var visitor = new YamlFrontMatterVisitor();
        PARSER.parse(markdown == null ? "" : markdown).accept(visitor);
        var fields = new LinkedHashMap<String, String>();
        visitor.getData().forEach((key, values) -> fields.put(key, values.isEmpty() ? "" : values.getFirst()));
        return fields;
    }

    public static String plain(String markdown) {
        String text = TEXT.render(PARSER.parse(markdown == null ? "" : markdown));
        return text.replaceAll("[ \\t]+", " ").replaceAll("\\n{2,}", "\n").strip();
    }

    /** Links and images show their words only, list items without their markers; raw HTML and rules show nothing. */
    private static final class WordsOnly implements NodeRenderer {
        private final TextContentNodeRendererContext context;

        WordsOnly(TextContentNodeRendererContext context) {
            this.context = context;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Link.class, Image.class, HtmlInline.class, HtmlBlock.class, ThematicBreak.class, ListItem.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof ListItem) {
                // the item's words on their own line, without the list's "-" or "1."
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    context.render(child);
                }
                context.getWriter().block();
            } else if (node instanceof Link || node instanceof Image) {
                for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                    context.render(child);
                }
            }
        }
    }
}
