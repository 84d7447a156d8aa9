package org.village.notification;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;

/**
 * The bell with a count, for the page frame of a signed-in person. Its name says the count ("Notifications, 3
 * unread"); while the page is open a new notification for this account raises it at once (Vaadin push), and a
 * polite live region says so. Pressing it opens the list. At least 24 px in each direction (WCAG 2.5.8).
 */
public class NotificationBell extends Div {

    private final Notifications notifications;
    private final long accountId;
    private final Button button;
    private final Span badge = new Span();
    private final Div announce = new Div();
    private long shown;
    private Registration subscription;

    public NotificationBell(Notifications notifications, long accountId) {
        this.notifications = notifications;
        this.accountId = accountId;
        setId("notification-bell");
        addClassName("notification-bell");
        getStyle().set("display", "inline-flex").set("align-items", "center");
        button = new Button(VaadinIcon.BELL.create(), e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("notifications")));
        button.addThemeVariants(ButtonVariant.TERTIARY);
        button.getStyle().set("min-width", "44px").set("min-height", "44px").set("position", "relative");
        badge.setId("notification-count");
        badge.getElement().setAttribute("aria-hidden", "true");
        badge.getStyle().set("position", "absolute").set("top", "2px").set("right", "0").set("min-width", "1.25em")
                .set("padding", "0 4px").set("border-radius", "1em").set("font-size", "0.75rem")
                .set("line-height", "1.25em").set("background", "#b00020").set("color", "#fff")
                .set("font-weight", "bold");
        button.getElement().appendChild(badge.getElement());
        announce.addClassName("visually-hidden");
        announce.getElement().setAttribute("role", "status");
        announce.getElement().setAttribute("aria-live", "polite");
        add(button, announce);
        show(notifications.unreadCountFor(accountId), false);
    }

    private void show(long count, boolean live) {
        if (live && count > shown) {
            announce.setText(getTranslation("notification.bell.new"));
        }
        shown = count;
        badge.setText(count > 99 ? "99+" : Long.toString(count));
        badge.setVisible(count > 0);
        button.setAriaLabel(count == 0 ? getTranslation("notification.bell.none")
                : getTranslation("notification.bell.label", count));
    }

    /** The count this bell shows now (tests). */
    public long shown() {
        return shown;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        show(notifications.unreadCountFor(accountId), false);
        subscription = notifications.subscribe(accountId, count -> ui.access(() -> show(count, true)));
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
