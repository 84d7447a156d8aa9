package org.village.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.village.shared.Texts;
import org.village.shared.api.ApiError;

/**
 * The JSON APIs for other clients (decision 076): the token endpoint, and later chat's and booking's APIs. A chain of
 * their own, before the portal's: stateless, no session cookie read or written (so a browser's signed-in session
 * cannot be used from another site, and CSRF tokens are not needed), the person known only from
 * {@code Authorization: Bearer <token>}. Which addresses exist and who may call them is still {@link HttpAccess}.
 */
@Configuration
class ApiSecurityConfig {

    /** The folders this chain answers for. A new API for other clients adds its folder here. */
    static final String[] FOLDERS = {"/api/auth/**", "/api/chat/**", "/api/booking/**", "/api/bookings/**"};

    @Bean
    @Order(1)
    SecurityFilterChain tokenApiChain(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.securityMatcher(FOLDERS);
        http.csrf(c -> c.disable());
        http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()));
        http.requestCache(c -> c.disable());
        http.formLogin(f -> f.disable());
        http.httpBasic(b -> b.disable());
        http.logout(l -> l.disable());
        http.authorizeHttpRequests(auth -> {
            for (var entry : HttpAccess.DECLARED) {
                if (!underThisChain(entry.pattern())) {
                    continue;
                }
                switch (entry.who()) {
                    case PUBLIC -> auth.requestMatchers(HttpAccess.matcher(entry)).permitAll();
                    case TOKEN -> auth.requestMatchers(HttpAccess.matcher(entry)).authenticated();
                    case ROLE -> auth.requestMatchers(HttpAccess.matcher(entry)).hasAnyRole(entry.roles().toArray(String[]::new));
                    case NOBODY -> auth.requestMatchers(HttpAccess.matcher(entry)).denyAll();
                }
            }
            // unknown addresses under these folders: a token holder gets the JSON 404 (UnknownApiPath)
            auth.anyRequest().authenticated();
        });
        http.exceptionHandling(e -> e
                .authenticationEntryPoint((request, response, refused) -> {
                    response.setHeader("WWW-Authenticate", "Bearer");
                    ApiError.write(response, HttpStatus.UNAUTHORIZED, Texts.text(language(request), "api.token.needed"));
                })
                .accessDeniedHandler((request, response, refused) ->
                        ApiError.write(response, HttpStatus.FORBIDDEN, Texts.text(language(request), "api.token.notAllowed"))));
        http.addFilterBefore(new BearerTokenFilter(tokens), AuthorizationFilter.class);
        return http.build();
    }

    static boolean underThisChain(String pattern) {
        for (String folder : FOLDERS) {
            String base = folder.substring(0, folder.length() - 3);
            if (pattern.equals(base) || pattern.startsWith(base + "/")) {
                return true;
            }
        }
        return false;
    }

    /** English unless the client asks for a language the portal has. */
    static Locale language(HttpServletRequest request) {
        return request.getLocale() == null ? Locale.ENGLISH : request.getLocale();
    }

    /** Reads {@code Authorization: Bearer <token>}; a good token makes its person the signed-in one for this request. */
    static final class BearerTokenFilter extends OncePerRequestFilter {
        private final ApiTokens tokens;

        BearerTokenFilter(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            bearer(request).flatMap(tokens::authenticate).ifPresent(user -> RunAs.signIn(RunAs.of(user)));
            chain.doFilter(request, response);
        }
    }

    /** The token in {@code Authorization: Bearer <token>}, if the request carries one. */
    static java.util.Optional<String> bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(header.substring(7).strip());
    }
}
