package org.village.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every HTTP request (pages, Vaadin's clicks and heartbeats, uploads, the API): a session whose account has
 * been switched off or changed since it signed in is ended here, before anything else sees it. A page asked
 * for directly goes to the sign-in page with a plain message; a Vaadin click then finds no session, and
 * Vaadin sends the browser to the same page ({@link EndedSessionGuard} tells it where).
 */
final class EndedSessionFilter extends OncePerRequestFilter {

    private final SessionStamps stamps;

    EndedSessionFilter(SessionStamps stamps) {
        this.stamps = stamps;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!stamps.stillGood(SecurityContextHolder.getContext().getAuthentication())) {
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            if (isPage(request)) {
                response.sendRedirect(request.getContextPath() + SessionStamps.ENDED_PAGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** A page a person asked for (not Vaadin's own traffic, a file or the API): it can be sent elsewhere. */
    private static boolean isPage(HttpServletRequest request) {
        String query = request.getQueryString();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        // the quick exit must always reach the neutral site (it ends the session itself)
        return "GET".equals(request.getMethod()) && (query == null || !query.contains("v-r="))
                && !path.startsWith("/VAADIN/") && !path.startsWith("/api/") && !path.equals("/quick-exit")
                && accept != null && accept.contains("text/html");
    }
}
