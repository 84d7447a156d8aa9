package org.village.moderation.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.village.moderation.UrgentAlerts;
import org.village.security.RunAs;
import org.village.shared.InputProblem;
import org.village.shared.Times;
import org.village.shared.ui.TodayPart;

/**
 * "Urgent" on the Today page: every urgent item nobody has looked at yet, oldest first, each with a link and "I'm
 * looking at it"; then those looked at in the last day with who looked and how long it took from the post. It updates
 * while open (Vaadin push); a polite live region says when something changed.
 */
class UrgentToday extends TodayPart {

    private final UrgentAlerts alerts;
    private final UnorderedList open = new UnorderedList();
    private final UnorderedList done = new UnorderedList();
    private final Paragraph none = new Paragraph();
    private final Paragraph noneDone = new Paragraph();
    private final Div status = new Div();
    private Registration subscription;

    UrgentToday(UrgentAlerts alerts) {
        super("urgent", "today.urgent.title");
        this.alerts = alerts;
        none.setText(getTranslation("today.urgent.none"));
        noneDone.setText(getTranslation("today.urgent.doneNone"));
        status.addClassName("visually-hidden");
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");
        open.setId("today-urgent-open");
        done.setId("today-urgent-done");
        // a part of "Urgent" (this section's heading), so one level below it
        add(none, open, new H3(getTranslation("today.urgent.doneTitle")), noneDone, done, status);
        refresh(false);
    }

    void refresh(boolean live) {
        var waiting = alerts.open();
        open.removeAll();
        for (var alert : waiting) {
            var words = new Span(getTranslation("duty.banner.text", getTranslation("duty.risk." + alert.risk().name()),
                    Times.dateTime(alert.raisedAt(), getLocale())));
            var link = new Anchor(alert.link(), getTranslation("duty.banner.open"));
            var ack = new Button(getTranslation("duty.banner.ack"), e -> acknowledge(alert.id()));
            ack.setDisableOnClick(true);
            ack.addClassName("urgent-ack");
            ack.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
            var item = new ListItem(words, new Span(" "), link, ack);
            item.addClassName("urgent-item");
            item.getElement().setAttribute("data-alert", Long.toString(alert.id()));
            if (!alert.staffed() || alert.outOfHoursTold()) {
                item.add(new Span(" " + getTranslation("today.urgent.outOfHours")));
            }
            open.add(item);
        }
        none.setVisible(waiting.isEmpty());
        done.removeAll();
        for (var alert : alerts.recentlyAcknowledged(10)) {
            var item = new ListItem(getTranslation("today.urgent.done", getTranslation("duty.risk." + alert.risk().name()),
                    alert.acknowledgedBy() == null ? "" : alert.acknowledgedBy(), took(alert.postToAcknowledged())));
            item.getElement().setAttribute("data-alert", Long.toString(alert.id()));
            done.add(item);
        }
        noneDone.setVisible(done.getComponentCount() == 0);
        if (live) {
            status.setText(getTranslation("today.urgent.changed", waiting.size()));
        }
    }

    /** How long it took to be looked at, in the reader's language ("2 min 5 s"). */
    private String took(Duration d) {
        if (d == null) {
            return "";
        }
        long s = d.toSeconds();
        return s < 60 ? getTranslation("today.urgent.took.seconds", s)
                : getTranslation("today.urgent.took.minutes", s / 60, s % 60);
    }

    private void acknowledge(long id) {
        try {
            alerts.acknowledge(id);
        } catch (InputProblem e) {
            // someone else's page removed it meanwhile: the refresh shows what is left
        }
        refresh(false);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        Authentication me = SecurityContextHolder.getContext().getAuthentication();
        // the push thread has nobody signed in: it reads as the person this page belongs to
        subscription = alerts.subscribe(() -> ui.access(() -> RunAs.as(me, () -> refresh(true))));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
        super.onDetach(event);
    }
}
