package org.village.chat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.village.chat.Chat;

/**
 * One stored message: who wrote it (a display name), when, the words (safe HTML made by {@link ChatRendering}:
 * content's chat message policy, glossary terms explained, @mentions marked), and what this reader may do with it:
 * report it (a member, not their own), or remove it and pause its writer (a moderator). A removed message says so in
 * place, for everyone, at once. A message waiting for a moderator is seen only by its writer, who is told so.
 */
final class MessageLine extends ListItem {

    /** The times a moderator may pause a member for. */
    static final List<Duration> MUTE_FOR = List.of(Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofDays(1));

    private final boolean mine;
    private final Instant now;
    private final boolean moderator;
    private final Consumer<Chat.Message> onDelete;
    private final BiConsumer<Chat.Message, Duration> onMute;
    private final Function<ChatReport.Report, String> onReport;
    private Chat.Message message;

    MessageLine(Chat.Message m, boolean mine, String html, Instant now, boolean moderator, Consumer<Chat.Message> onDelete,
                BiConsumer<Chat.Message, Duration> onMute, Function<ChatReport.Report, String> onReport) {
        this.mine = mine;
        this.now = now;
        this.moderator = moderator;
        this.onDelete = onDelete;
        this.onMute = onMute;
        this.onReport = onReport;
        addClassName("chat-message");
        if (mine) {
            addClassName("chat-mine");
        }
        if (m.seq() != null) {
            setId("chat-m-" + m.seq());
            getElement().setAttribute("data-seq", Long.toString(m.seq()));
        } else {
            getElement().setAttribute("data-waiting", Long.toString(m.id()));
        }
        update(m, html);
    }

    Chat.Message message() {
        return message;
    }

    void update(Chat.Message m, String html) {
        this.message = m;
        removeAll();
        getElement().setAttribute("data-deleted", Boolean.toString(m.deleted()));
        var head = new Div();
        head.addClassName("chat-head");
        var who = new Span(m.author());
        who.addClassName("chat-author");
        var when = new Span(ChatUi.when(this, m.sentAt(), now));
        when.addClassName("chat-when");
        head.add(who, new Span(" "), when);
        if (mine) {
            var you = new Span(getTranslation("chat.view.you"));
            you.addClassName("chat-you");
            head.add(new Span(" "), you);
        }
        add(head);
        if (m.deleted()) {
            var removed = new Div();
            removed.addClassNames("chat-body", "chat-removed");
            removed.setText(getTranslation("chat.view.removed"));
            add(removed);
            return;
        }
        add(ChatUi.safeHtml(html));
        if (m.waiting()) {
            var waitingNote = new Div();
            waitingNote.addClassName("chat-held");
            waitingNote.setText(getTranslation("chat.view.heldYours"));
            add(waitingNote);
            return;
        }
        if (mine) {
            var sent = new Span(getTranslation("chat.view.sent"));
            sent.addClassName("chat-status");
            add(new Div(sent));
        }
        var actions = new Div();
        actions.addClassName("chat-actions");
        if (!mine) {
            actions.add(new ChatReport(m.id(), m.author(), onReport));
        }
        if (moderator) {
            var delete = new Button(getTranslation("chat.tools.delete"));
            delete.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            delete.addClassName("chat-delete");
            delete.getElement().setAttribute("aria-label", getTranslation("chat.tools.deleteWho", m.author()));
            delete.setDisableOnClick(true);
            delete.addClickListener(e -> onDelete.accept(message));
            actions.add(delete);
            if (!mine) {
                var mute = new Select<Duration>();
                mute.setAriaLabel(getTranslation("chat.tools.muteWho", m.author()));
                mute.setPlaceholder(getTranslation("chat.tools.mute"));
                mute.setItems(MUTE_FOR);
                mute.setItemLabelGenerator(d -> getTranslation("chat.tools.muteFor." + d.toMinutes()));
                mute.addClassName("chat-mute");
                mute.addValueChangeListener(e -> {
                    if (e.getValue() != null && e.isFromClient()) {
                        onMute.accept(message, e.getValue());
                    }
                });
                actions.add(mute);
            }
        }
        add(actions);
    }
}
