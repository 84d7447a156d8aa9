package org.village.shared.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * Answers any address under {@code /api/} that no API handles with a JSON 404. It is a handler mapping of its own,
 * consulted after the controllers and any WebSocket/STOMP endpoints (so a later API under {@code /api/} wins by simply
 * existing) but before Vaadin's catch-all, which would otherwise answer with the portal's HTML "not found" page.
 */
@Configuration
class UnknownApiPath {

    /** Before Vaadin's forwarding mapping (lowest precedence - 1) and static resources. */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    /** Requests Tomcat refuses before the application sees them get JSON too ({@link ApiErrorReportValve}). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
            }
        });
    }

    /**
     * Addresses Spring Security's firewall refuses (an encoded slash, a "..") get a JSON 400 under /api/, and the
     * a bare 400 elsewhere.
     */
    @Bean
    RequestRejectedHandler apiRequestRejectedHandler() {
        return (request, response, rejected) -> {
            if (ApiError.isApi(request)) {
                ApiError.write(response, HttpStatus.BAD_REQUEST, "The address is not in a form this API understands.");
            } else {
                // a bare 400: the server's error page would only add its own words (decision 060)
                response.setStatus(HttpStatus.BAD_REQUEST.value());
            }
        };
    }

    @Bean
    SimpleUrlHandlerMapping unknownApiPathMapping() {
        HttpRequestHandler notFound = (request, response) -> {
            if (!ApiError.isApi(request)) {
                response.sendError(404);
                return;
            }
            ApiError.writeNotFound(request, response);
        };
        var mapping = new SimpleUrlHandlerMapping(Map.of("/api", notFound, "/api/**", notFound), ORDER);
        return mapping;
    }

    static ResponseEntity<Map<String, Object>> notFound(HttpServletRequest request) {
        return ApiError.of(HttpStatus.NOT_FOUND, null, ApiError.nothingAt(request));
    }
}
