package org.village.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every response, written before anything else runs. Spring Security's own header
 * writer only reached some of Vaadin's pages (it writes when the response commits), so these are set here.
 * <p>
 * Scripts run only from our own origin or, inline, when they carry this response's nonce: a fresh random
 * value per response, which {@link InlineScriptGuard} puts on the scripts Vaadin writes into the page. Text
 * that slips into the page as markup can therefore never start a script of its own (decision 030).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter extends OncePerRequestFilter {

    /** The request attribute that carries this response's script nonce to {@link InlineScriptGuard}. */
    static final String NONCE_ATTRIBUTE = SecurityHeadersFilter.class.getName() + ".nonce";

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The policy for one response. No {@code 'unsafe-inline'} for scripts: inline scripts need the nonce.
     * Vaadin's client engine still needs {@code 'unsafe-eval'} (it runs server-sent JavaScript through
     * {@code new Function}), and its web components set inline styles, so styles keep {@code 'unsafe-inline'}.
     */
    static String policy(String nonce) {
        return "default-src 'self'; script-src 'self' 'nonce-" + nonce + "' 'unsafe-eval'; "
                + "script-src-attr 'none'; "
                + "style-src 'self' 'unsafe-inline'; img-src 'self' data: https://*.tile.openstreetmap.org; "
                + "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; "
                + "base-uri 'self'; object-src 'none'";
    }

    /** 128 random bits, base64: new for every response, so a nonce seen once is no use again. */
    static String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String nonce = newNonce();
        request.setAttribute(NONCE_ATTRIBUTE, nonce);
        response.setHeader("Content-Security-Policy", policy(nonce));
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        chain.doFilter(request, response);
    }
}
