package org.village.security;

import com.vaadin.flow.server.HandlerHelper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every address the portal answers outside its Vaadin pages, who may ask for it, and why it exists (decision 060).
 * HTTP is closed by default: a request that matches neither a line here nor a Vaadin route (each of which carries
 * {@code @AnonymousAllowed}, {@code @PermitAll} or {@code @RolesAllowed}) is refused with a 404 and no content, signed
 * in or not. A new controller, filter address or static file must get a line here; {@code EveryAddressDeclaredIT}
 * fails otherwise.
 */
public final class HttpAccess {

    /** Who may ask. {@link #NOBODY} lines exist only to say that a mapping the application has is refused on purpose. */
    public enum Who {
        PUBLIC, ROLE, NOBODY,
        /** Anyone with a good token from {@code POST /api/auth/token} (the token API's own chain, {@code ApiSecurityConfig}). */
        TOKEN
    }

    /**
     * One address pattern. {@code method} null means any method; GET also allows HEAD. {@code roles} only for
     * {@link Who#ROLE}.
     */
    public record Entry(HttpMethod method, String pattern, Who who, List<String> roles, String why) {

        boolean allows(String requestMethod) {
            return method == null || method.name().equals(requestMethod)
                    || method == HttpMethod.GET && "HEAD".equals(requestMethod);
        }

        /** A pattern that ends in {@code /**} below some folder: it covers every address under that folder. */
        boolean coversFolder(String path) {
            if (who == Who.NOBODY || !pattern.endsWith("/**") || pattern.equals("/**")) {
                return false;
            }
            String folder = pattern.substring(0, pattern.length() - 3);
            return path.equals(folder) || path.startsWith(folder + "/");
        }
    }

    private static Entry open(HttpMethod method, String pattern, String why) {
        return new Entry(method, pattern, Who.PUBLIC, List.of(), why);
    }

    private static Entry token(HttpMethod method, String pattern, String why) {
        return new Entry(method, pattern, Who.TOKEN, List.of(), why);
    }

    private static Entry refused(HttpMethod method, String pattern, String why) {
        return new Entry(method, pattern, Who.NOBODY, List.of(), why);
    }

    private static final HttpMethod GET = HttpMethod.GET;

    /** The table. Vaadin's own resources (the front-end bundle, push, heartbeat, service worker) come last, as Vaadin lists them. */
    public static final List<Entry> DECLARED = Stream.concat(Stream.of(
            open(GET, "/quick-exit", "the quick exit: ends the session and sends the browser to the neutral site"),
            open(GET, "/quick-exit.js", "the quick exit's own script, needed before any page has loaded"),
            open(GET, "/village.css", "the portal's style sheet"),
            open(GET, "/icons/**", "the portal's own tab icons"),
            open(GET, "/favicon.ico", "browsers ask by themselves: a 404 without a session (BrowserIconAddresses)"),
            open(GET, "/apple-touch-icon.png", "as /favicon.ico"),
            open(GET, "/apple-touch-icon-precomposed.png", "as /favicon.ico"),
            open(HttpMethod.POST, "/login", "the sign-in form is sent here (throttled by SignInThrottleFilter)"),
            open(HttpMethod.POST, "/logout", "signing out (Vaadin's logout handler)"),
            open(null, "/error", "the server's own error reports; asked for directly, the kind 404 page (DirectErrorAddress)"),
            open(GET, "/actuator/health", "health for the load balancer: up or down, no details"),
            open(GET, "/actuator/health/**", "liveness and readiness probes"),
            open(GET, "/api/oruk", "Open Referral UK API: public, read-only"),
            open(GET, "/api/oruk/**", "Open Referral UK API: public, read-only"),
            open(HttpMethod.POST, "/api/auth/token", "a token for the phone app and other clients: name and password,"
                    + " throttled as the sign-in form (ApiTokens, decision 076)"),
            token(HttpMethod.DELETE, "/api/auth/token", "the app signs out: revokes the token it sends"),
            token(GET, "/api/booking/sessions", "booking (issue 13): sessions a parent can book, for the app"),
            token(HttpMethod.POST, "/api/bookings", "booking: a parent books for their family (Idempotency-Key)"),
            token(GET, "/api/bookings", "booking: my family's bookings"),
            token(GET, "/api/bookings/{id}", "booking: one of my family's bookings (any other id: 404)"),
            token(HttpMethod.DELETE, "/api/bookings/{id}", "booking: cancel one of my family's bookings"),
            token(GET, "/api/bookings/{id}.ics", "booking: the calendar file of one of my family's bookings"),
            token(GET, "/api/chat/rooms", "chat (issue 11): the rooms this person may join, for the app"),
            token(GET, "/api/chat/rooms/{id}/messages", "chat: a room's messages after a sequence number (catch-up);"
                    + " a room they may not join: 404"),
            open(null, "/ws", "chat's STOMP WebSocket handshake for other apps: Origin checked against an allow-list;"
                    + " the CONNECT frame's Bearer token decides who it is (StompGate, decision 082)"),
            open(HttpMethod.OPTIONS, "/api/oruk", "CORS preflight for the public API (OrukCorsFilter)"),
            open(HttpMethod.OPTIONS, "/api/oruk/**", "CORS preflight for the public API (OrukCorsFilter)"),
            refused(GET, "/actuator", "the list of endpoints: nobody needs it"),
            refused(null, "/api", "UnknownApiPath: a JSON 404 for unknown addresses under a declared API"),
            refused(null, "/api/**", "UnknownApiPath: a JSON 404 for unknown addresses under a declared API"),
            refused(null, "/webjars/**", "Spring's web jars: the portal has none"),
            refused(null, "/**", "Vaadin's forwarding of pages to its servlet, and Spring's static files: a page gets"
                    + " through only as a Vaadin route, a file only when it has its own line here")),
            vaadinResources()).toList();

    private static Stream<Entry> vaadinResources() {
        var paths = new ArrayList<String>();
        paths.addAll(Arrays.asList(HandlerHelper.getPublicResources()));
        paths.addAll(Arrays.asList(HandlerHelper.getPublicResourcesRequiringSecurityContext()));
        return paths.stream().distinct().map(path -> open(null, path,
                "Vaadin's own resources (front-end bundle, push, heartbeat, service worker): VaadinSecurityConfigurer"));
    }

    private HttpAccess() {
    }

    /** Opens each PUBLIC and ROLE line. NOBODY lines need no rule: everything undeclared is refused anyway. */
    static void authorize(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry auth) {
        for (var entry : DECLARED) {
            switch (entry.who()) {
                case PUBLIC -> auth.requestMatchers(matcher(entry)).permitAll();
                case ROLE -> auth.requestMatchers(matcher(entry)).hasAnyRole(entry.roles().toArray(String[]::new));
                case NOBODY, TOKEN -> { }
            }
        }
    }

    static RequestMatcher matcher(Entry entry) {
        var paths = PathPatternRequestMatcher.withDefaults();
        if (entry.method() == null) {
            return paths.matcher(entry.pattern());
        }
        if (entry.method() == HttpMethod.GET) {
            return new OrRequestMatcher(paths.matcher(HttpMethod.GET, entry.pattern()),
                    paths.matcher(HttpMethod.HEAD, entry.pattern()));
        }
        return paths.matcher(entry.method(), entry.pattern());
    }

    /**
     * True when a mapping the application has (a pattern as Spring or Vaadin writes it, and a method or null for any)
     * has a line: the same pattern, or a PUBLIC or ROLE folder that covers it.
     */
    public static boolean declares(String method, String pattern) {
        return DECLARED.stream().anyMatch(entry -> (entry.pattern().equals(pattern) || entry.coversFolder(pattern))
                && (method == null ? entry.method() == null || entry.who() == Who.NOBODY : entry.allows(method)));
    }
}
