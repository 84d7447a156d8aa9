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
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.filter.OncePerRequestFilter;
import com.vaadin.flow.spring.security.RequestUtil;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.village.security.ui.LoginView;

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
                                            Clock clock, SessionStamps stamps,
                                            RequestUtil requestUtil) throws Exception {
        // deny by default (decision 060): only the lines of HttpAccess.DECLARED and Vaadin's routes and resources get
        // through; anything else is a 404 with no content, signed in or not (Undeclared). Vaadin's own rules follow.
        http.authorizeHttpRequests(HttpAccess::authorize);
        // a page that needs signing in still sends a person who is not signed in to the sign-in page (Vaadin's entry
        // point, after ours); JSON APIs under /api/ answer refusals in JSON (decision 052)
        RequestMatcher signInFirst = request -> requestUtil.isSecuredFlowRoute(request)
                || requestUtil.isFrameworkInternalRequest(request);
        http.exceptionHandling(e -> e
                .defaultAccessDeniedHandlerFor(Undeclared.deniedHandler(), AnyRequestMatcher.INSTANCE)
                .defaultAuthenticationEntryPointFor(Undeclared.entryPoint(), new NegatedRequestMatcher(signInFirst)));
        // CSP, frame, referrer and HSTS headers: SecurityHeadersFilter (runs for every response)
        http.headers(h -> h.frameOptions(f -> f.deny()).referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)));
        http.formLogin(form -> form.loginPage("/login").failureHandler(failureHandler(protection)));
        http.addFilterBefore(new SignInThrottleFilter(protection), UsernamePasswordAuthenticationFilter.class);
        http.addFilterBefore(new AbsoluteTimeoutFilter(settings, clock), UsernamePasswordAuthenticationFilter.class);
        // right after the session's sign-in is read: an account switched off or changed ends its sessions here
        http.addFilterAfter(new EndedSessionFilter(stamps), SecurityContextHolderFilter.class);
        // Views are guarded by Vaadin's navigation access control (@RolesAllowed etc.) and data by the
        // services' own checks. Everything no rule lets through is refused (Undeclared answers).
        http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/")
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::denyAll));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(11);
    }

    /**
     * Checks the password first and only then whether the account is switched off, so a wrong password gets the
     * same answer for every name, real or not. For a name that belongs to nobody, the provider still runs
     * bcrypt against a stand-in hash, so the answer takes as long (decision 036).
     */
    @Bean
    DaoAuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder encoder) {
        var provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        provider.setHideUserNotFoundExceptions(true);
        provider.setPreAuthenticationChecks(user -> { });
        provider.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("switched off");
            }
        });
        return provider;
    }

    private static AuthenticationFailureHandler failureHandler(LoginProtection protection) {
        return (request, response, exception) -> {
            String name = request.getParameter("username");
            String reason;
            if (exception instanceof DisabledException) {
                // only reached with the right password: the person may know their account is off
                reason = "disabled";
            } else {
                reason = protection.failed(name, request.getRemoteAddr())
                        .map(wait -> "wait=" + LoginProtection.minutesUp(wait)).orElse("error");
            }
            backToSignIn(request, response, name, reason);
        };
    }

    /** Back to the sign-in page with the reason; the typed name waits in the session, never in the address bar. */
    static void backToSignIn(HttpServletRequest request, HttpServletResponse response, String name, String reason)
            throws IOException {
        // only something that could be a sign-in name is kept: hostile text typed into the field is never shown again
        if (name != null && LoginProtection.couldBeASignInName(name.strip())) {
            request.getSession().setAttribute(LoginProtection.TYPED_NAME, name.strip());
        }
        response.sendRedirect(request.getContextPath() + "/login?" + reason);
    }

    /**
     * Before the password is checked: refuses attempts from an address that has had too many wrong passwords
     * lately, and attempts for a (name, address) pair that must still wait. Real and unknown names alike.
     */
    static final class SignInThrottleFilter extends OncePerRequestFilter {
        private final LoginProtection protection;

        SignInThrottleFilter(LoginProtection protection) {
            this.protection = protection;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String name = request.getParameter("username");
            String address = request.getRemoteAddr();
            if (protection.addressBlocked(address)) {
                backToSignIn(request, response, name, "slow");
                return;
            }
            var wait = protection.attempt(name, address);
            if (!wait.isZero()) {
                backToSignIn(request, response, name, "wait=" + LoginProtection.minutesUp(wait));
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
