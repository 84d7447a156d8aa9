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
@PageTitle("Staying safe on this site")
@Menu(order = 90, title = "Staying safe on this site")
@AnonymousAllowed
class StayingSafeView extends Div {

    StayingSafeView(HelpNowService helpNow) {
        addClassName("page");
        add(new H1("Staying safe on this site"));
        add(new Paragraph("Someone may look at your phone or computer. This page tells you how to leave this "
                + "site fast, and how to hide that you were here."));
        add(new H2("Leave this site fast"));
        add(list("Press the Exit this page button at the top of every page.",
                "Or press the Shift key 3 times. You will see 3 small dots fill up on the button.",
                "The page goes blank straight away. Then the BBC Weather page opens.",
                "If you were signed in, you are signed out."));
        add(new H2("What it does"));
        add(list("Village keeps only one page in your browser's history, whatever you looked at here.",
                "When you exit, that page is swapped for the weather page. Pressing Back will not bring Village back.",
                "Anything you were typing is not sent or saved. It is lost."));
        add(new H2("What it does not do"));
        add(list("It does not delete your whole browser history. It only swaps the Village page.",
                "Someone may still see Village in the list of sites you typed, or in your internet provider's records.",
                "It cannot hide anything that is on your phone already, like texts or call logs."));
        add(new H2("Cover your tracks"));
        add(list("Use a private window. On a phone, this may be called Incognito or Private browsing. "
                        + "The browser then forgets the visit when you close it.",
                "You can delete single pages from your history, instead of all of it. Deleting everything "
                        + "can make someone ask why.",
                "If you share a phone or computer, sign out when you finish.",
                "Some people put apps on a phone to watch what it does. If your phone acts strangely, "
                        + "use another phone, such as a friend's, or a library computer."));
        add(new H2("Who sees what"));
        add(new Paragraph("Other parents only see the name you choose. Your family support worker can see "
                + "your family's page. Workers only see what they need to help your family."));
        add(helpNow.box());
    }

    private static UnorderedList list(String... items) {
        var ul = new UnorderedList();
        for (var item : items) {
            ul.add(new ListItem(item));
        }
        return ul;
    }
}
