package org.village.layout;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.village.security.CurrentUser;
import org.village.shared.Capability;

/**
 * After signing in, staff who take duty or moderate start on "Today" instead of the home page; parents (and anyone
 * who was on their way to another page) land where they did before. Signing in marks the session; the first page
 * opened afterwards clears the mark, and only the home page is swapped for Today.
 */
@Component
class StaffLanding implements VaadinServiceInitListener {

    static final String JUST_SIGNED_IN = StaffLanding.class.getName() + ".justSignedIn";

    private final CurrentUser currentUser;

    StaffLanding(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            request.getSession().setAttribute(JUST_SIGNED_IN, Boolean.TRUE);
        }
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(enter -> {
            var session = VaadinSession.getCurrent();
            if (session == null || session.getSession().getAttribute(JUST_SIGNED_IN) == null) {
                return;
            }
            session.getSession().removeAttribute(JUST_SIGNED_IN);
            boolean staff = currentUser.get().map(u -> u.can(Capability.TAKE_DUTY) || u.can(Capability.MODERATE))
                    .orElse(false);
            if (staff && enter.getLocation().getPath().isEmpty()) {
                enter.forwardTo(TodayView.class);
            }
        }));
    }
}
