package org.village.chat.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.ListItem;
import java.time.Instant;
import org.village.chat.Chat;

/**
 * One stored message as ONE element on the page (decision 083: a page may hold hundreds; a component per part made an
 * open room cost megabytes of server memory). It holds who wrote it (a display name, escaped), when, the words (safe
 * HTML from {@link ChatRendering}: content's chat message policy, glossary terms explained, @mentions marked) and plain
 * {@code <button data-act>} for what this reader may do: report it (not their own), or remove it and pause its writer
 * (a moderator). The room listens once on the whole list for those buttons. A removed message says so in place, for
 * everyone, at once; a message waiting for a moderator is seen only by its writer, who is told so.
 */
final class MessageLine extends ListItem {

    private final boolean mine;
    private final Instant now;
    private final boolean moderator;
    private Chat.Message message;

    MessageLine(Chat.Message m, boolean mine, String html, Instant now, boolean moderator) {
        this.mine = mine;
        this.now = now;
        this.moderator = moderator;
        addClassName("chat-message");
        if (mine) {
            addClassName("chat-mine");
        }
        if (m.seq() != null) {
            setId("chat-m-" + m.seq());
        } else {
            getElement().setAttribute("data-waiting", Long.toString(m.id()));
        }
        update(m, html);
    }

    Chat.Message message() {
        return message;
    }

    /** Text for HTML text and double-quoted attributes. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    void update(Chat.Message m, String html) {
        // what the buttons and tools need; the words are in the HTML already (decision 089: each line is kept on the
        // server for as long as the page is open)
        this.message = compact(m);
        getElement().setProperty("innerHTML", inner(this, m, mine, html, now, moderator));
    }

    /** The message without its words (they are in the HTML already): what the buttons and tools need. */
    static Chat.Message compact(Chat.Message m) {
        return new Chat.Message(m.id(), m.roomId(), m.seq(), null, m.authorId(), m.author(), "", m.sentAt(), m.status());
    }

    /**
     * One line's inner HTML (decision 056: the room's stored lines are sent to the browser as this, and not kept as
     * elements on the server). Every text from data is escaped; {@code html} is the words as {@link ChatRendering}
     * made them safe. Words a person reads come from the bundles through {@code words}.
     */
    static String inner(Component words, Chat.Message m, boolean mine, String html, Instant now, boolean moderator) {
        var out = new StringBuilder(256 + (html == null ? 0 : html.length()));
        out.append("<div class=\"chat-head\"><span class=\"chat-author\">").append(esc(m.author()))
                .append("</span> <span class=\"chat-when\">").append(esc(ChatUi.when(words, m.sentAt(), now))).append("</span>");
        if (mine) {
            out.append(" <span class=\"chat-you\">").append(esc(words.getTranslation("chat.view.you"))).append("</span>");
        }
        out.append("</div>");
        if (m.deleted()) {
            out.append("<div class=\"chat-body chat-removed\">").append(esc(words.getTranslation("chat.view.removed")))
                    .append("</div>");
            return latin1(out);
        }
        out.append("<div class=\"chat-body\">").append(html == null ? "" : html).append("</div>");
        if (m.waiting()) {
            out.append("<div class=\"chat-held\">").append(esc(words.getTranslation("chat.view.heldYours"))).append("</div>");
            return latin1(out);
        }
        if (mine) {
            out.append("<div><span class=\"chat-status\">").append(esc(words.getTranslation("chat.view.sent")))
                    .append("</span></div>");
        }
        var actions = new StringBuilder();
        if (!mine) {
            action(actions, "report", "chat-report-open", m, words.getTranslation("moderation.report.open"),
                    words.getTranslation("chat.view.reportWho", m.author()));
        }
        if (moderator) {
            action(actions, "delete", "chat-delete", m, words.getTranslation("chat.tools.delete"),
                    words.getTranslation("chat.tools.deleteWho", m.author()));
            if (!mine) {
                action(actions, "mute", "chat-mute", m, words.getTranslation("chat.tools.mute"),
                        words.getTranslation("chat.tools.muteWho", m.author()));
            }
        }
        if (!actions.isEmpty()) {
            out.append("<div class=\"chat-actions\">").append(actions).append("</div>");
        }
        return latin1(out);
    }

    /**
     * The HTML with every character past Latin-1 written as a character reference: the same page in the browser, and
     * half the server memory for the line (Java keeps a text with only Latin-1 characters in one byte each, and one
     * typographic apostrophe or emoji makes it two bytes for every character).
     */
    static String latin1(CharSequence html) {
        int i = 0;
        int n = html.length();
        while (i < n && html.charAt(i) <= 0xFF) {
            i++;
        }
        if (i == n) {
            return html.toString();
        }
        var out = new StringBuilder(n + 32);
        out.append(html, 0, i);
        while (i < n) {
            char c = html.charAt(i);
            if (c <= 0xFF) {
                out.append(c);
                i++;
            } else {
                int cp = Character.codePointAt(html, i);
                out.append("&#").append(cp).append(';');
                i += Character.charCount(cp);
            }
        }
        return out.toString();
    }

    private static void action(StringBuilder out, String act, String cls, Chat.Message m, String text, String label) {
        out.append("<button type=\"button\" class=\"chat-act ").append(cls).append("\" data-act=\"").append(act)
                .append("\" data-id=\"").append(m.id()).append("\" aria-label=\"").append(esc(label)).append("\">")
                .append(esc(text)).append("</button>");
    }
}
