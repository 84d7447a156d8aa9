package org.village.security;

import com.vaadin.flow.spring.SpringServlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.util.ClassUtils;
import org.village.shared.api.ApiError;

/**
 * The answer to a request HTTP access refuses (decision 060): a 404 with no content, signed in or not, so an address
 * that leads nowhere looks the same as one that is closed. Under /api/ it is the APIs' JSON error; elsewhere a page
 * request gets the kind "not found" page (with quick exit and help now) from Vaadin's router, and anything else an
 * empty 404. A form sent without its CSRF token is a 403, also without content.
 */
final class Undeclared {

    /** The name Vaadin's Spring Boot starter gives its servlet. */
    private static final String VAADIN_SERVLET = ClassUtils.getShortNameAsProperty(SpringServlet.class);

    private Undeclared() {
    }

    /** For a person not signed in. */
    static AuthenticationEntryPoint entryPoint() {
        return (request, response, refused) -> notFound(request, response);
    }

    /** For a signed-in person, and for forms without their CSRF token. */
    static AccessDeniedHandler deniedHandler() {
        return (request, response, denied) -> {
            if (!(denied instanceof CsrfException)) {
                notFound(request, response);
            } else if (ApiError.isApi(request)) {
                ApiError.write(response, HttpStatus.FORBIDDEN, "This request is not allowed here.");
            } else {
                // a bare status: the server's error page would only add its own words
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            }
        };
    }

    static void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (ApiError.isApi(request)) {
            ApiError.writeNotFound(request, response);
            return;
        }
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        var vaadin = request.getServletContext().getNamedDispatcher(VAADIN_SERVLET);
        if (read && vaadin != null && !response.isCommitted()) {
            // Vaadin's router has no route here (routes are let through before this), so it shows the kind
            // "not found" view with HTTP 404, as for any unknown address. Where Vaadin takes the address for a
            // file instead, its error stays a bare status: the server's error page would only add its own words.
            vaadin.forward(request, new HttpServletResponseWrapper(response) {
                @Override
                public void sendError(int status) {
                    setStatus(status);
                }

                @Override
                public void sendError(int status, String message) {
                    setStatus(status);
                }
            });
        } else {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
