package org.village.chat.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.village.shared.Times;

/** What the chat pages share: times in the reader's language, safe message bodies, @mentions marked. */
final class ChatUi {

    private ChatUi() {
    }

    static Locale locale(Component c) {
        return c.getUI().map(UI::getLocale)
                .orElse(UI.getCurrent() == null ? Locale.UK : UI.getCurrent().getLocale());
    }

    /** "14:05" today, "1 Dec 2026, 14:05" on another day: the portal's own formats ({@link Times}), UK time. */
    static String when(Component c, Instant at, Instant now) {
        LocalDate day = at.atZone(Times.ZONE).toLocalDate();
        return day.equals(now.atZone(Times.ZONE).toLocalDate()) ? Times.time(at) : Times.dateTime(at, locale(c));
    }

    /** Already sanitised HTML (the chat service renders it under content's message policy) put into a block. */
    static Div safeHtml(String sanitisedHtml) {
        var div = new Div();
        div.addClassName("chat-body");
        div.getElement().setProperty("innerHTML", sanitisedHtml == null ? "" : sanitisedHtml);
        return div;
    }

    /**
     * Marks "@Name" for the display names given, inside already-sanitised HTML, walking the text nodes (never patterns
     * over markup), so a mention stands out and a name can never inject anything. Longest names first, so "@Sam Lee"
     * wins over "@Sam". Text inside links and code is left alone.
     */
    static String markMentions(String sanitisedHtml, Collection<String> names, String me) {
        if (sanitisedHtml == null || sanitisedHtml.indexOf('@') < 0 || names.isEmpty()) {
            return sanitisedHtml;
        }
        var sorted = names.stream().filter(n -> n != null && !n.isBlank()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        if (sorted.isEmpty()) {
            return sanitisedHtml;
        }
        Pattern mention = Pattern.compile("@(" + sorted.stream().map(Pattern::quote).collect(Collectors.joining("|"))
                + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        Document doc = Jsoup.parseBodyFragment(sanitisedHtml);
        doc.outputSettings().prettyPrint(false);
        var texts = new java.util.ArrayList<TextNode>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(org.jsoup.nodes.Node node, int depth) {
                if (node instanceof TextNode t && !inside(t, Set.of("a", "code", "pre", "button"))) {
                    texts.add(t);
                }
            }
        }, doc.body());
        for (TextNode t : texts) {
            String text = t.getWholeText();
            var m = mention.matcher(text);
            if (!m.find()) {
                continue;
            }
            int last = 0;
            m.reset();
            var parts = new java.util.ArrayList<org.jsoup.nodes.Node>();
            while (m.find()) {
                if (m.start() > last) {
                    parts.add(new TextNode(text.substring(last, m.start())));
                }
                var mark = new Element("mark").addClass("chat-mention").text(m.group());
                if (me != null && m.group(1).equalsIgnoreCase(me)) {
                    mark.addClass("chat-mention-me");
                }
                parts.add(mark);
                last = m.end();
            }
            if (last < text.length()) {
                parts.add(new TextNode(text.substring(last)));
            }
            for (var p : parts) {
                t.before(p);
            }
            t.remove();
        }
        return doc.body().html();
    }

    private static boolean inside(org.jsoup.nodes.Node node, Set<String> tags) {
        for (var p = node.parent(); p != null; p = p.parent()) {
            if (p instanceof Element e && tags.contains(e.normalName())) {
                return true;
            }
        }
        return false;
    }

    static Button tertiary(String text) {
        var b = new Button(text);
        b.addThemeVariants(ButtonVariant.TERTIARY);
        return b;
    }
}
