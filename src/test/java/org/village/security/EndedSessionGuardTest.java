package org.village.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.SystemMessagesInfo;
import com.vaadin.flow.server.SystemMessagesProvider;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.WrappedSession;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Vaadin's side of ending sessions: a request Vaadin handles without passing the web filter (a message over an
 * open push connection) still ends a session whose account has changed, and pages opened while signed in send
 * the browser to the sign-in page, with its plain message, when their session has gone.
 */
class EndedSessionGuardTest {

    private final SessionStamps stamps = mock(SessionStamps.class);
    private final VillageUser worker = new VillageUser(7, "worker.x", "Worker X", java.util.Set.of("WORKER"), null, true, 3, null);

    @Test
    void aRequestFromASessionWhoseAccountChangedEndsThatSessionBeforeVaadinUsesIt() {
        var session = sessionSignedInAs(worker);
        when(stamps.stillGood(any())).thenReturn(false);
        new EndedSessionGuard.StampCheck(stamps).requestStart(request(session, true), null);
        verify(session).invalidate();
    }

    @Test
    void aRequestFromASessionThatIsStillGoodCarriesOn() {
        var session = sessionSignedInAs(worker);
        when(stamps.stillGood(any())).thenReturn(true);
        new EndedSessionGuard.StampCheck(stamps).requestStart(request(session, true), null);
        verify(session, never()).invalidate();
    }

    @Test
    void pagesOpenedWhileSignedInGoToTheSignInPageWhenTheirSessionHasGone() {
        var service = mock(VaadinService.class);
        new EndedSessionGuard(stamps).serviceInit(new ServiceInitEvent(service));
        var provider = ArgumentCaptor.forClass(SystemMessagesProvider.class);
        verify(service).setSystemMessagesProvider(provider.capture());

        var signedIn = provider.getValue().getSystemMessages(
                new SystemMessagesInfo(Locale.UK, request(null, true), service));
        assertThat(signedIn.getSessionExpiredURL()).isEqualTo("/login?ended");
        assertThat(signedIn.isSessionExpiredNotificationEnabled()).isFalse();

        var anonymous = provider.getValue().getSystemMessages(
                new SystemMessagesInfo(Locale.UK, request(null, false), service));
        assertThat(anonymous.getSessionExpiredURL()).as("anonymous pages just reload").isNull();
    }

    private static WrappedSession sessionSignedInAs(VillageUser user) {
        var session = mock(WrappedSession.class);
        when(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).thenReturn(
                new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
        return session;
    }

    private VaadinRequest request(WrappedSession session, boolean signedIn) {
        var request = mock(VaadinRequest.class);
        when(request.getWrappedSession(false)).thenReturn(session);
        when(request.getContextPath()).thenReturn("");
        when(request.getUserPrincipal()).thenReturn(signedIn
                ? UsernamePasswordAuthenticationToken.authenticated(worker, null, worker.getAuthorities()) : null);
        return request;
    }
}
