package org.village.security;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinRequestInterceptor;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Vaadin's side of ending sessions (decision 035).
 * <ul>
 * <li>Every request Vaadin handles, including messages that arrive over an open push connection (which pass
 *     no servlet filter), checks the session's stamp; an ended session is invalidated before Vaadin looks at it,
 *     so the click is not run.</li>
 * <li>Pages opened while signed in tell the browser to go to the sign-in page, with a plain message, when the
 *     session has gone (ended, timed out, or closed on another node); anonymous pages simply reload.</li>
 * </ul>
 */
@Component
class EndedSessionGuard implements VaadinServiceInitListener {

    private final SessionStamps stamps;

    EndedSessionGuard(SessionStamps stamps) {
        this.stamps = stamps;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addVaadinRequestInterceptor(new StampCheck(stamps));
        event.getSource().setSystemMessagesProvider(info -> {
            var messages = new CustomizedSystemMessages();
            VaadinRequest request = info.getRequest();
            if (request != null && request.getUserPrincipal() != null) {
                messages.setSessionExpiredNotificationEnabled(false);
                messages.setSessionExpiredURL(request.getContextPath() + SessionStamps.ENDED_PAGE);
            }
            return messages;
        });
    }

    record StampCheck(SessionStamps stamps) implements VaadinRequestInterceptor {

        @Override
        public void requestStart(VaadinRequest request, VaadinResponse response) {
            var session = request.getWrappedSession(false);
            if (session == null) {
                return;
            }
            Object stored = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            if (stored instanceof SecurityContext context && !stamps.stillGood(context.getAuthentication())) {
                session.invalidate();
            }
        }

        @Override
        public void handleException(VaadinRequest request, VaadinResponse response, VaadinSession session,
                                    Exception exception) {
        }

        @Override
        public void requestEnd(VaadinRequest request, VaadinResponse response, VaadinSession session) {
        }
    }
}
