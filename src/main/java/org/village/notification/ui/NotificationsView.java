package org.village.notification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.village.notification.Notification;
import org.village.notification.Notifications;
import org.village.shared.Times;
import org.village.shared.ui.Forms;

/**
 * The signed-in person's notifications, newest first, a page at a time from the database. Unread ones say so in
 * words (not only by colour); opening one marks it read. "Mark all as read" empties the bell.
 */
@Route("notifications")
@Menu(order = 75, title = "Notifications")
@PermitAll
class NotificationsView extends Div implements HasDynamicTitle {

    static final int PAGE = 20;

    private final Notifications notifications;
    private final UnorderedList list = new UnorderedList();
    private final Div message = new Div();
    private final Button more;
    private final Button markAll;
    private int loaded;

    NotificationsView(Notifications notifications) {
        this.notifications = notifications;
        addClassName("page");
        add(new H1(getTranslation("notification.list.title")));
        markAll = new Button(getTranslation("notification.list.markAll"), e -> markAll());
        markAll.setId("mark-all-read");
        more = new Button(getTranslation("notification.list.more"), e -> loadMore());
        more.setId("more-notifications");
        more.addThemeVariants(ButtonVariant.TERTIARY);
        list.setId("notification-list");
        list.addClassName("notification-list");
        add(message, new Div(markAll), list, new Div(more));
        loadMore();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notification.list.title");
    }

    private void loadMore() {
        var page = notifications.mine(loaded, PAGE);
        page.forEach(n -> list.add(item(n)));
        loaded += page.size();
        long total = notifications.countMine();
        more.setVisible(loaded < total);
        if (total == 0) {
            list.setVisible(false);
            markAll.setVisible(false);
            message.removeAll();
            message.add(new Paragraph(getTranslation("notification.list.empty")));
        }
    }

    private ListItem item(Notification n) {
        var item = new ListItem();
        item.addClassName(n.unread() ? "unread" : "read");
        item.getStyle().set("margin-block", "0.75em");
        if (n.unread()) {
            var badge = new Span(getTranslation("notification.list.new"));
            badge.addClassName("notification-new");
            badge.getStyle().set("font-weight", "bold").set("margin-inline-end", "0.5em");
            item.add(badge);
        }
        // the words go in as text: arguments that came from people (names) are never read as HTML
        var words = new Anchor("notifications/" + n.id(), getTranslation(n.key(), n.args().toArray()));
        words.getElement().setAttribute("router-ignore", true);
        if (n.unread()) {
            words.getStyle().set("font-weight", "bold");
        }
        var when = new Span(" · " + Times.dateTime(n.createdAt()));
        when.getStyle().set("color", "var(--lumo-secondary-text-color)");
        item.add(words, when);
        return item;
    }

    private void markAll() {
        int changed = notifications.markAllRead();
        list.removeAll();
        loaded = 0;
        loadMore();
        message.removeAll();
        message.add(Forms.notice("success", changed == 0 ? getTranslation("notification.list.nothingUnread")
                : getTranslation("notification.list.allRead")));
    }
}
