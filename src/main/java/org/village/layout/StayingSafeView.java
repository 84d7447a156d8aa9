package org.village.layout;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.village.helpnow.HelpNowService;

/** What the quick exit does and does not hide, and how to cover your tracks. Public, plain words. */
@Route("staying-safe")
@Menu(order = 90, title = "Staying safe on this site")
@AnonymousAllowed
class StayingSafeView extends Div implements com.vaadin.flow.router.HasDynamicTitle {

    StayingSafeView(HelpNowService helpNow) {
        addClassName("page");
        add(new H1(getTranslation("safe.title")));
        add(new Paragraph(getTranslation("safe.intro")));
        add(new H2(getTranslation("safe.leave")));
        add(list("safe.leave.1", "safe.leave.2", "safe.leave.3", "safe.leave.4"));
        add(new H2(getTranslation("safe.does")));
        add(list("safe.does.1", "safe.does.2", "safe.does.3"));
        add(new H2(getTranslation("safe.doesNot")));
        add(list("safe.doesNot.1", "safe.doesNot.2", "safe.doesNot.3"));
        add(new H2(getTranslation("safe.tracks")));
        add(list("safe.tracks.1", "safe.tracks.2", "safe.tracks.3", "safe.tracks.4"));
        add(new H2(getTranslation("safe.who")));
        add(new Paragraph(getTranslation("safe.who.text")));
        add(helpNow.box());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("safe.title");
    }

    private UnorderedList list(String... keys) {
        var ul = new UnorderedList();
        for (var key : keys) {
            ul.add(new ListItem(getTranslation(key)));
        }
        return ul;
    }
}
