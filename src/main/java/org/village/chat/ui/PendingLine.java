package org.village.chat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;

/**
 * A message of mine that is not stored yet: shown at once as "Sending…", then replaced by the stored message, or
 * shown as "Not sent" with a Retry button that sends it again with the same client id (so it can never be stored
 * twice). Its words are plain text here (escaped), never HTML.
 */
final class PendingLine extends ListItem {

    enum State { SENDING, FAILED }

    private final String clientId;
    private final String text;
    private final Span status = new Span();
    private final Button retry;
    private State state = State.SENDING;

    PendingLine(String clientId, String text, String myName, Runnable onRetry) {
        this.clientId = clientId;
        this.text = text;
        addClassNames("chat-message", "chat-mine", "chat-pending");
        getElement().setAttribute("data-client-id", clientId);
        var head = new Div();
        head.addClassName("chat-head");
        var who = new Span(myName);
        who.addClassName("chat-author");
        head.add(who);
        var body = new Div();
        body.addClassName("chat-body");
        body.setText(text);
        status.addClassName("chat-status");
        retry = new Button(getTranslation("chat.view.retry"));
        retry.addThemeVariants(ButtonVariant.SMALL);
        retry.addClassName("chat-retry");
        retry.setDisableOnClick(true);
        retry.addClickListener(e -> onRetry.run());
        add(head, body, new Div(status, retry));
        show(State.SENDING);
    }

    String clientId() {
        return clientId;
    }

    String text() {
        return text;
    }

    State state() {
        return state;
    }

    void show(State now) {
        state = now;
        removeClassName("chat-failed");
        if (now == State.SENDING) {
            status.setText(getTranslation("chat.view.sending"));
            retry.setVisible(false);
        } else {
            addClassName("chat-failed");
            status.setText(getTranslation("chat.view.failed"));
            retry.setVisible(true);
            retry.setEnabled(true);
        }
    }
}
