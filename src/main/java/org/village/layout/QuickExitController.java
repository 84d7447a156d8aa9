package org.village.layout;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The address the quick exit passes through: it ends the portal session, asks the browser to forget
 * this site's cookies and cache, and sends the browser on to the neutral site without a referrer.
 */
@Controller
class QuickExitController {

    private final QuickExitSettings settings;

    QuickExitController(QuickExitSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/quick-exit")
    void exit(HttpServletRequest request, HttpServletResponse response) {
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        // not "storage": the tab keeps its "exited" mark so Back cannot show the portal again. Not "cache": Chrome
        // holds the response until its whole cache is cleared, 3 s usually and over 20 s on a busy phone or computer
        // (crbug.com/40233601), while the parent waits on the portal's page. Pages are never cached (no-store) anyway.
        response.setHeader("Clear-Site-Data", "\"cookies\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader(HttpHeaders.LOCATION, settings.url().toString());
    }
}
