package org.village.notification.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.access.AccessDeniedException;
import org.village.notification.Notifications;

/**
 * {@code /notifications/<id>}: marks the person's own notification as read and takes them where it points (always a
 * path inside the portal). Someone else's id, or one that does not exist, gets the "not allowed" page and changes
 * nothing.
 */
@Route("notifications/:id")
@PermitAll
class OpenNotificationView extends Div implements BeforeEnterObserver {

    private final Notifications notifications;

    OpenNotificationView(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
        } catch (NumberFormatException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        try {
            String link = notifications.open(id).substring(1);
            int q = link.indexOf('?');
            // forwarding (not redirecting): the target's page is shown; opened directly, the address bar keeps
            // this address
            event.forwardTo(q < 0 ? link : link.substring(0, q),
                    QueryParameters.fromString(q < 0 ? "" : link.substring(q + 1)));
        } catch (AccessDeniedException denied) {
            event.rerouteToError(com.vaadin.flow.router.AccessDeniedException.class);
        }
    }
}
