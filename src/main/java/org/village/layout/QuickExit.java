package org.village.layout;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import java.util.function.UnaryOperator;

/**
 * The "Exit this page" button. A real link to /quick-exit (so it works before scripts load); the
 * quick-exit.js click handler takes over to hide the page at once and replace the history entry.
 */
final class QuickExit {

    /** Absolute, so that Vaadin's {@code <base href>} on deep addresses cannot change it. */
    static final String ADDRESS = "/quick-exit";

    private QuickExit() {
    }

    /** The second skip link: Enter on it leaves at once, as its words promise (decision 033). */
    static Anchor skipLink(UnaryOperator<String> text) {
        var skip = org.village.shared.ui.TextAsHtml.set(new Anchor(ADDRESS, ""), text.apply("layout.skip.exit"));
        skip.addClassName("skip-link");
        skip.getElement().setAttribute("router-ignore", true);
        skip.getElement().setAttribute("data-quick-exit", true);
        skip.getElement().setAttribute("rel", "nofollow noreferrer");
        return skip;
    }

    static Anchor button(UnaryOperator<String> text) {
        var exit = new Anchor(ADDRESS, "");
        exit.setId("quick-exit");
        exit.addClassName("quick-exit");
        exit.getElement().setAttribute("router-ignore", true);
        exit.getElement().setAttribute("data-quick-exit", true);
        exit.getElement().setAttribute("rel", "nofollow noreferrer");
        exit.getElement().setAttribute("aria-label", text.apply("layout.exit.label"));
        // its words and the three dots quick-exit.js lights as HTML of the one element: six fewer state nodes on
        // every page (decision 053); the words are escaped by jsoup
        var html = SideLinks.fragment();
        html.appendElement("span").text(text.apply("layout.exit"));
        var dots = html.appendElement("div").addClass("village-exit-dots").attr("aria-hidden", "true");
        for (int i = 0; i < 3; i++) {
            dots.appendElement("span").addClass("village-exit-dot");
        }
        exit.getElement().setProperty("innerHTML", html.html());
        return exit;
    }

    /**
     * Screen readers hear "Shift, press 2 more times to exit" as the presses are counted. quick-exit.js holds no
     * words of its own: it reads them, in the page's language, from this element's data attributes.
     */
    static Div status(UnaryOperator<String> text) {
        var status = new Div();
        status.getElement().setAttribute("data-one", text.apply("quickExit.one"));
        status.getElement().setAttribute("data-many", text.apply("quickExit.many"));
        status.getElement().setAttribute("data-exiting", text.apply("quickExit.exiting"));
        status.getElement().setAttribute("data-loading", text.apply("quickExit.loading"));
        status.getElement().setAttribute("data-loading-title", text.apply("quickExit.loadingTitle"));
        status.setId("village-exit-status");
        status.addClassName("visually-hidden");
        status.getElement().setAttribute("role", "status");
        status.getElement().setAttribute("aria-live", "polite");
        return status;
    }
}
