package org.village.layout;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Icons that browsers ask for by themselves, while a page is still starting (our own icon is named in the
 * page). Vaadin answered these with its "not found" page, which opened a second session and replaced the
 * session cookie under the page that had just loaded: that page's next request was then refused, it
 * reloaded itself, and a quick exit pressed at that moment was lost. Answered here: not found, no session.
 */
@Controller
class BrowserIconAddresses {

    @GetMapping({"/favicon.ico", "/apple-touch-icon.png", "/apple-touch-icon-precomposed.png"})
    void none(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=86400");
    }
}
