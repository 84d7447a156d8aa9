package org.village.notification;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
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
    /**
     * The bell drawn as the button's own HTML with the count (decision 056: an icon and a badge as components were
     * three state nodes kept on the server for every open page). Material's "notifications" outline, aria-hidden: the
     * button's name says the count.
     */
    private static final String BELL = "<svg aria-hidden=\"true\" focusable=\"false\" width=\"24\" height=\"24\" "
            + "viewBox=\"0 0 24 24\" fill=\"currentColor\" style=\"display:block\"><path d=\"M12 22c1.1 0 2-.9 2-2h-4c0 "
            + "1.1.89 2 2 2zm6-6v-5c0-3.07-1.64-5.64-4.5-6.32V4c0-.83-.67-1.5-1.5-1.5s-1.5.67-1.5 1.5v.68C7.63 5.36 6 "
            + "7.92 6 11v5l-2 2v1h16v-1l-2-2z\"/></svg>";
    private static final String BADGE = "<span id=\"notification-count\" aria-hidden=\"true\" style=\"position:absolute;"
            + "top:2px;right:0;min-width:1.25em;padding:0 4px;border-radius:1em;font-size:0.75rem;line-height:1.25em;"
            + "background:#b00020;color:#fff;font-weight:bold\"";
    private final Div announce = new Div();
    private long shown;
    private Registration subscription;

    public NotificationBell(Notifications notifications, long accountId) {
        this.notifications = notifications;
        this.accountId = accountId;
        setId("notification-bell");
        addClassName("notification-bell");
        getStyle().set("display", "inline-flex").set("align-items", "center");
        button = new Button("", e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("notifications")));
        button.addThemeVariants(ButtonVariant.TERTIARY);
        button.getStyle().set("min-width", "44px").set("min-height", "44px").set("position", "relative");
        button.getElement().getThemeList().add("icon"); // as Button sets for an icon alone
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
        // only digits and "+" in the badge: nothing from data goes into this HTML
        button.getElement().setProperty("innerHTML", BELL + BADGE + (count > 0 ? ">" : " hidden>")
                + (count > 99 ? "99+" : Long.toString(count)) + "</span>");
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
