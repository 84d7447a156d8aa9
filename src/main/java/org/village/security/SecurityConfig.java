package org.village.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.village.security.ui.LoginView;
import org.village.shared.api.ApiError;

/**
 * Spring Security for Vaadin: the login view, public paths, headers that work with Vaadin, brute-force
 * protection around the login form, and an absolute session lifetime on top of the idle timeout.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginProtection protection, AccountSettings settings,
                                            Clock clock) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/quick-exit", "/village.css", "/quick-exit.js", "/icons/**",
                        "/actuator/health", "/actuator/health/**", "/error").permitAll()
                // the Open Referral UK API is public and read-only (GET only, so CSRF never applies)
                .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/oruk", "/api/oruk/**").permitAll()
                .requestMatchers(org.springframework.http.HttpMethod.OPTIONS, "/api/oruk", "/api/oruk/**").permitAll());
        // JSON APIs under /api/ answer a refusal from the filter chain (a POST without a CSRF token) in JSON; every
        // other address keeps Spring's usual handler (a second mapping, so that ours is never the default). Signing-in
        // refusals inside an API are answered by the APIs' own error handling (shared.api), since all paths pass here.
        http.exceptionHandling(e -> e
                .defaultAccessDeniedHandlerFor((request, response, denied) -> ApiError.write(response,
                        HttpStatus.FORBIDDEN, "This request is not allowed here."),
                        PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE));
        // CSP, frame, referrer and HSTS headers: SecurityHeadersFilter (runs for every response)
        http.headers(h -> h.frameOptions(f -> f.deny()).referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)));
        http.formLogin(form -> form.loginPage("/login").failureHandler(failureHandler(protection)));
        http.addFilterBefore(new AddressThrottleFilter(protection), UsernamePasswordAuthenticationFilter.class);
        http.addFilterBefore(new AbsoluteTimeoutFilter(settings, clock), UsernamePasswordAuthenticationFilter.class);
        // Views are guarded by Vaadin's navigation access control (@RolesAllowed etc.) and data by the
        // services' own checks; letting other paths through lets an unknown address show the friendly
        // "not found" page instead of a sign-in redirect.
        http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/")
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::permitAll));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(11);
    }

    private static AuthenticationFailureHandler failureHandler(LoginProtection protection) {
        return (request, response, exception) -> {
            String reason;
            if (exception instanceof LockedException) {
                reason = "locked";
            } else if (exception instanceof DisabledException) {
                reason = "disabled";
            } else {
                boolean nowLocked = protection.failed(request.getParameter("username"), request.getRemoteAddr());
                reason = nowLocked ? "locked" : "error";
            }
            response.sendRedirect(request.getContextPath() + "/login?" + reason);
        };
    }

    /** Refuses sign-in attempts from an address that has had too many wrong passwords lately. */
    static final class AddressThrottleFilter extends OncePerRequestFilter {
        private final LoginProtection protection;

        AddressThrottleFilter(LoginProtection protection) {
            this.protection = protection;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (protection.addressBlocked(request.getRemoteAddr())) {
                response.sendRedirect(request.getContextPath() + "/login?slow");
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /** Ends a session a fixed time after it began, however active it is (idle timeout is separate). */
    static final class AbsoluteTimeoutFilter extends OncePerRequestFilter {
        private final AccountSettings settings;
        private final Clock clock;

        AbsoluteTimeoutFilter(AccountSettings settings, Clock clock) {
            this.settings = settings;
            this.clock = clock;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var session = request.getSession(false);
            if (session != null && clock.millis() - session.getCreationTime() > settings.absoluteSessionTimeout().toMillis()) {
                session.invalidate();
            }
            chain.doFilter(request, response);
        }
    }
}
