package org.village.layout;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Long-lived caching for the front-end bundle. Files under {@code /VAADIN/build/} carry a hash of their
 * content in their names (Vite's {@code indexhtml-DrgRdhJo.js}), so a changed file gets a new name and the
 * browser may keep the old one for a year without asking again. Vaadin itself answers "no-cache" in
 * development mode (the README's run command) and one hour in production, so every page load asked again
 * for about 25 files (decision 034). Our own village.css and quick-exit.js must never be stale (a fix to the
 * quick exit must reach every parent at once), so the browser asks again for them every time, also in
 * production where Vaadin would allow an hour; Vaadin's {@code Last-Modified} makes that a 304.
 */
@Component
class StaticAssetCaching extends OncePerRequestFilter {

    static final String FOREVER = "public, max-age=31536000, immutable";

    /** Our own files without a hash: asked again each time (a 304 when unchanged), also in production. */
    static final String ASK_AGAIN = "no-cache";
    private static final java.util.Set<String> OWN = java.util.Set.of("/quick-exit.js", "/village.css");

    /** name-HASH.ext as Vite writes it: a hash of at least 8 letters, digits, '-' or '_'. */
    private static final Pattern HASHED = Pattern.compile("^/VAADIN/build/[^/]+-[A-Za-z0-9_-]{8,}\\.(js|css|woff2?|svg|png)$");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
                || !HASHED.matcher(path).matches() && !OWN.contains(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader(HttpHeaders.CACHE_CONTROL, OWN.contains(path) ? ASK_AGAIN : FOREVER);
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            private boolean failed;

            @Override
            public void setHeader(String name, String value) {
                if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) || failed) {
                    super.setHeader(name, value);
                }
            }

            @Override
            public void addHeader(String name, String value) {
                if (!HttpHeaders.CACHE_CONTROL.equalsIgnoreCase(name) || failed) {
                    super.addHeader(name, value);
                }
            }

            @Override
            public void setStatus(int sc) {
                notFor(sc);
                super.setStatus(sc);
            }

            @Override
            public void sendError(int sc) throws IOException {
                notFor(sc);
                super.sendError(sc);
            }

            @Override
            public void sendError(int sc, String msg) throws IOException {
                notFor(sc);
                super.sendError(sc, msg);
            }

            /** A missing file is not kept for a year. */
            private void notFor(int sc) {
                if (sc >= 400) {
                    failed = true;
                    super.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                }
            }
        });
    }
}
