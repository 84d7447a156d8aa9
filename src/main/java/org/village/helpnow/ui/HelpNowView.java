package org.village.helpnow.ui;

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
import org.village.shared.Times;

/** Who you can call right now: 999 first, then what is open now, then what opens next. */
@Route("help-now")
@Menu(order = 30, title = "Help now")
@AnonymousAllowed
class HelpNowView extends Div implements com.vaadin.flow.router.HasDynamicTitle {

    HelpNowView(HelpNowService helpNow, java.time.Clock clock) {
        addClassName("page");
        add(new H1(getTranslation("guides.help.title")));
        var danger = new Paragraph(new Span(getTranslation("guides.help.danger") + " "), tel("999"), new Span("."));
        danger.addClassName("danger-now");
        add(danger);
        var entries = helpNow.now(getLocale());
        var open = new Div();
        open.addClassName("contacts");
        var closed = new Div();
        closed.addClassName("contacts");
        for (var e : entries) {
            if (e.line().emergency()) {
                continue;
            }
            var card = new Div();
            card.addClassNames("contact", e.openNow() ? "open" : "closed");
            if (e.line().outOfHours()) {
                card.addClassName("out-of-hours");
            }
            var name = new Span(e.line().name());
            name.addClassName("contact-name");
            var when = new Span(capital(e.when()));
            when.addClassName("contact-when");
            card.add(name, when, new Paragraph(e.line().description()), new Paragraph(new Span(getTranslation("guides.help.call") + " "), tel(e.line().phone())));
            if (!e.line().hours().alwaysOpen()) {
                // an always-open line says so once, in its tag above
                card.add(new Paragraph(e.line().hours().describe(getLocale())));
            }
            (e.openNow() ? open : closed).add(card);
        }
        add(new H2(getTranslation("guides.help.open")), new Paragraph(getTranslation("guides.help.time", Times.time(clock.instant()))), open);
        add(new H2(getTranslation("guides.help.closed")), new Paragraph(getTranslation("guides.help.closedIntro")), closed);
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Anchor tel(String number) {
        return new Anchor("tel:" + number.replace(" ", ""), number);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("pageTitle.helpNow");
    }
}
