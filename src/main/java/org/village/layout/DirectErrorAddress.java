package org.village.layout;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} is where the server itself reports errors. Asked for directly (a typed or shared address),
 * it used to answer "500" with {@code {"status":999}}. Now it is an address like any other that leads
 * nowhere: the kind "not found" page with help now, and HTTP 404. Real errors, which reach {@code /error}
 * through the server's own error dispatch, are not touched.
 */
@Configuration(proxyBeanMethods = false)
class DirectErrorAddress {

    /** The name Vaadin's Spring Boot starter gives its servlet (it forwards every page to it by this name). */
    static final String VAADIN_SERVLET = "springServlet";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> directErrorRequests() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                var vaadin = request.getServletContext().getNamedDispatcher(VAADIN_SERVLET);
                boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
                if (read && vaadin != null) {
                    // the same as any unknown address: Vaadin's router shows the "not found" view, with 404
                    vaadin.forward(request, response);
                } else {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                }
            }
        });
        registration.addUrlPatterns("/error");
        // only requests from outside: the server's own error dispatches still reach the error controller
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setName("directErrorRequests");
        return registration;
    }
}
