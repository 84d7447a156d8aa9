package org.village.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.village.security.SessionEndedException;
import org.village.security.SessionStamps;
import org.village.shared.InputProblem;
import org.village.shared.Texts;

/**
 * Errors raised while someone clicks or types (not while a page opens) become a kind notice; the page
 * and whatever they typed stay as they were. Stack traces go to the log only.
 */
@Component
class FriendlyErrors implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(FriendlyErrors.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            Throwable t = error.getThrowable();
            while (t.getCause() != null && !(t instanceof InputProblem) && !(t instanceof AccessDeniedException)) {
                t = t.getCause();
            }
            String message;
            var ui = UI.getCurrent();
            if (t instanceof SessionEndedException) {
                // the account was switched off or changed while this page was open: sign out, say so plainly
                if (ui != null) {
                    ui.getSession().getSession().invalidate();
                    var request = com.vaadin.flow.server.VaadinRequest.getCurrent();
                    ui.getPage().setLocation((request == null ? "" : request.getContextPath()) + SessionStamps.ENDED_PAGE);
                }
                return;
            }
            var locale = ui == null ? java.util.Locale.ENGLISH : ui.getLocale();
            if (t instanceof InputProblem problem) {
                message = problem.message(locale);
            } else if (t instanceof AccessDeniedException) {
                message = Texts.text(locale, "error.action.notAllowed");
            } else {
                log.error("Unexpected error in the UI", error.getThrowable());
                message = Texts.text(locale, "error.action.wrong");
            }
            if (ui != null) {
                var n = Notification.show(message, 8000, Notification.Position.MIDDLE);
                n.addThemeVariants(NotificationVariant.ERROR);
            }
        }));
    }
}
