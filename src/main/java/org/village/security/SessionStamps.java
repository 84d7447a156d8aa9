package org.village.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Is a signed-in session still good? It is while its account is switched on and the account's security stamp
 * is the one the session signed in with (decision 035). The stamp lives only in the database, so a change
 * made on any node ends the session on every node. The check is one primary-key read, made at most once per
 * HTTP request (the answer is kept in the request); outside a request (push, background work) it reads each time.
 */
@Component
public class SessionStamps {

    /** Where {@code /login} is told that a session was ended for the person (shown as a plain message). */
    public static final String ENDED_PAGE = "/login?ended";

    private static final String CACHE = SessionStamps.class.getName() + ".stamp.";

    private final JdbcClient jdbc;

    SessionStamps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True unless the authentication is one of our signed-in people whose session has since been ended. */
    public boolean stillGood(Authentication authentication) {
        return authentication == null || !(authentication.getPrincipal() instanceof VillageUser user) || current(user);
    }

    /** True when the account is switched on and its stamp has not moved since this person signed in. */
    public boolean current(VillageUser user) {
        return stampNow(user.id()) == user.securityStamp();
    }

    /** The service layer's gate: refuses anything asked for by a session that has ended. */
    public void require() {
        if (!stillGood(SecurityContextHolder.getContext().getAuthentication())) {
            throw new SessionEndedException();
        }
    }

    /** An account and its stamp read a moment ago on this thread, by a check that reads it anyway (see {@link #vouch}). */
    private static final ThreadLocal<long[]> VOUCHED = new ThreadLocal<>();

    /**
     * For the work this thread does next, until {@link #forgetVouched()}: the account's stamp was read just now as
     * {@code stamp} by a check that reads it anyway (a STOMP frame's token check, which also compares the account's
     * stamp), so the service layer's check does not read it a second time. As the answer kept for one HTTP request.
     */
    public static void vouch(long accountId, long stamp) {
        VOUCHED.set(new long[] {accountId, stamp});
    }

    /** Ends {@link #vouch}: the next check reads the stamp again. */
    public static void forgetVouched() {
        VOUCHED.remove();
    }

    /** The account's stamp now, or -1 when it is switched off or gone. */
    long stampNow(long accountId) {
        long[] vouched = VOUCHED.get();
        if (vouched != null && vouched[0] == accountId) {
            return vouched[1];
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        String key = CACHE + accountId;
        if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof Long cached) {
            return cached;
        }
        long stamp = jdbc.sql("SELECT security_stamp FROM user_account WHERE id = ? AND enabled = TRUE")
                .param(accountId).query(Long.class).optional().orElse(-1L);
        if (request != null) {
            request.setAttribute(key, stamp, RequestAttributes.SCOPE_REQUEST);
        }
        return stamp;
    }

    /**
     * This session changed its own account (a new password, "sign out everywhere else") and carries on: it now
     * holds the new stamp, in this thread and in the HTTP session, while every other session of the account ends.
     */
    void carryOn(VillageUser user, long newStamp) {
        var before = SecurityContextHolder.getContext().getAuthentication();
        var renewed = org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .authenticated(user.withSecurityStamp(newStamp), null, user.getAuthorities());
        renewed.setDetails(before == null ? null : before.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(renewed);
        SecurityContextHolder.setContext(context);
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(CACHE + user.id(), newStamp, RequestAttributes.SCOPE_REQUEST);
        }
        httpRequest().map(r -> r.getSession(false)).ifPresent(session ->
                session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context));
    }

    private static Optional<HttpServletRequest> httpRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest()) : Optional.empty();
    }
}
