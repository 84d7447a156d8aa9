package org.village.layout;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.village.helpnow.HelpNowService;
import org.village.security.CurrentUser;

/** The public front door: what Village is, who it is for, and the ways in. */
@Route("")
@Menu(order = 0, title = "Home")
@AnonymousAllowed
class HomeView extends Div implements com.vaadin.flow.router.HasDynamicTitle {

    HomeView(CurrentUser currentUser, HelpNowService helpNow) {
        addClassName("page");
        add(new H1(getTranslation("home.title")));
        add(new Paragraph(getTranslation("home.p1")));
        var lead = new Paragraph(getTranslation("home.lead"));
        lead.addClassName("lead");
        add(lead);
        add(new Paragraph(getTranslation("home.p2")));

        var ways = new Div();
        ways.addClassName("ways-in");
        // linked by address: the layout does not depend on the feature modules
        ways.add(way("help-now", "home.helpNow"));
        ways.add(way("guides", "home.guides"));
        ways.add(way("services", "home.services"));
        ways.add(way("jargon-buster", "home.jargon"));
        ways.add(way("staying-safe", "home.safe"));
        if (currentUser.get().isEmpty()) {
            ways.add(way("login", "home.signIn"));
        } else {
            currentUser.get().filter(u -> u.isParent()).ifPresent(u ->
                    ways.add(way("team", "home.team")));
            ways.add(way("account", "home.account"));
        }
        add(new H2(getTranslation("home.waysIn")), ways);
        add(helpNow.box());
        var safety = new Paragraph();
        safety.add(new Span(getTranslation("home.exit")));
        add(safety);
    }

    /** A way in: its title is the key's text, its line the key's ".text". */
    private Anchor way(String href, String key) {
        String title = getTranslation(key);
        String text = getTranslation(key + ".text");
        var a = new Anchor(href, "");
        a.addClassName("way");
        var strong = new Span(title);
        strong.getElement().getStyle().set("display", "block").set("font-weight", "700");
        a.add(strong, new Span(text));
        return a;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("pageTitle.home");
    }
}
