package org.village.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.village.helpnow.HelpContacts;
import org.village.helpnow.HelpContacts.ContactEdit;
import org.village.helpnow.HelpNowBox;

/**
 * Browserless, issue 9 item 2: every page's help box (home, an error page, staying safe, guides, services,
 * a service) shows 999 first and then the live lines admins keep; an admin's edit shows at once.
 */
@SpringBootTest(properties = "village.db.embedded.folder=")
@ActiveProfiles("demo")
class HelpNowOnEveryPageTest extends SpringBrowserlessTest {

    @Autowired
    HelpContacts contacts;

    private ContactEdit before;

    private static Class<? extends Component> view(String name) {
        try {
            return Class.forName(name).asSubclass(Component.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private ContactEdit childline() {
        return contacts.forEditing().stream().filter(c -> c.phone().equals("0800 1111")).findFirst().orElseThrow();
    }

    @AfterEach
    void putTheLineBack() {
        if (before != null) {
            var now = childline();
            contacts.save(new ContactEdit(now.id(), now.version(), before.name(), before.description(), before.phone(),
                    before.url(), before.alwaysOpen(), before.outOfHours(), before.hours()));
        }
    }

    private void assertBoxShows(String page, String lineName) {
        var box = $(HelpNowBox.class).single();
        assertThat(box.getElement().getTextRecursively()).as(page).contains("If someone is in danger now, call 999")
                .contains(lineName + ": 0800 1111").doesNotContain("Childline, for children and young people");
        var tel = $(Anchor.class, box).all().stream().map(Anchor::getHref).toList();
        assertThat(tel).as(page).first().isEqualTo("tel:999");
        assertThat(tel).as(page).hasSizeGreaterThan(1);
    }

    /** A guide's box puts the lines closest to its topic first, so the edited line may not be among them. */
    private void assertTopicBox(String page) {
        var box = $(HelpNowBox.class).single();
        var tel = $(Anchor.class, box).all().stream().map(Anchor::getHref).toList();
        assertThat(tel).as(page).first().isEqualTo("tel:999");
        assertThat(tel).as(page).hasSizeGreaterThan(1);
        assertThat(box.getElement().getTextRecursively()).as(page)
                .doesNotContain("Childline, for children and young people");
    }

    @Test
    @WithUserDetails("admin")
    void anAdminsEditShowsInTheHelpBoxOnEveryPageWith999First() {
        before = childline();
        String name = "Childline " + UUID.randomUUID().toString().substring(0, 8);
        contacts.save(new ContactEdit(before.id(), before.version(), name, before.description(), before.phone(),
                before.url(), before.alwaysOpen(), before.outOfHours(), before.hours()));

        // the home page last: the test's UI opened it before the edit, and the router keeps a view it is already on
        navigate("staying-safe", StayingSafeView.class);
        assertBoxShows("staying safe", name);
        navigate("no-such-page-" + UUID.randomUUID(), NotFoundView.class);
        assertBoxShows("not found", name);
        for (var page : List.of(
                new String[] {"guides", "org.village.guides.ui.GuidesView"},
                new String[] {"services/childline", "org.village.directory.ui.ServiceView"})) {
            navigate(page[0], view(page[1]));
            assertBoxShows(page[0], name);
        }
        navigate("guides/child-missing", view("org.village.guides.ui.GuideView"));
        assertTopicBox("guides/child-missing");
        navigate(HomeView.class);
        assertBoxShows("home", name);
    }
}
