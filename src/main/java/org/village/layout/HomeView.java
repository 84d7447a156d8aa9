package org.village.layout;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.village.helpnow.HelpNowService;
import org.village.security.CurrentUser;

/** The public front door: what Village is, who it is for, and the ways in. */
@Route("")
@PageTitle("Village")
@Menu(order = 0, title = "Home")
@AnonymousAllowed
class HomeView extends Div {

    HomeView(CurrentUser currentUser, HelpNowService helpNow) {
        addClassName("page");
        add(new H1("Village: support for families"));
        add(new Paragraph("Village is for parents, carers and families whose child is being harmed or used "
                + "by people outside the family. This might be sexual exploitation or criminal exploitation, "
                + "like being made to carry drugs."));
        var lead = new Paragraph("It is not your fault, and it is not your child's fault. You do not have to "
                + "deal with this alone.");
        lead.addClassName("lead");
        add(lead);
        add(new Paragraph("Here you can find out what the different workers do, talk to other parents who "
                + "understand, and get help, even late at night."));

        var ways = new Div();
        ways.addClassName("ways-in");
        // linked by address: the layout does not depend on the feature modules
        ways.add(way("help-now", "Help now", "Who you can call right now, day or night."));
        ways.add(way("guides", "Guides", "What happens next, who does what, and your rights, in plain words."));
        ways.add(way("services", "Services", "Who can help in Bristol, what they do, and how to reach them."));
        ways.add(way("jargon-buster", "Jargon buster", "What words like MASH, CAMHS or strategy meeting mean."));
        ways.add(way("staying-safe", "Staying safe on this site",
                "How the Exit button works, and how to hide that you visited."));
        if (currentUser.get().isEmpty()) {
            ways.add(way("login", "Sign in",
                    "For families who have an invitation from their family support worker, and for staff."));
        } else {
            currentUser.get().filter(u -> u.isParent()).ifPresent(u ->
                    ways.add(way("team", "Your child's team", "Who is working with your child, and what each one does.")));
            ways.add(way("account", "Your account", "Change your password."));
        }
        add(new H2("Ways in"), ways);
        add(helpNow.box());
        var safety = new Paragraph();
        safety.add(new Span("If you need to leave this site fast, press the Exit this page button at the top, "
                + "or press the Shift key 3 times."));
        add(safety);
    }

    private static Anchor way(String href, String title, String text) {
        var a = new Anchor(href, "");
        a.addClassName("way");
        var strong = new Span(title);
        strong.getElement().getStyle().set("display", "block").set("font-weight", "700");
        a.add(strong, new Span(text));
        return a;
    }
}
