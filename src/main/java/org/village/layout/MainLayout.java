package org.village.layout;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.village.notification.NotificationBell;
import org.village.shared.ui.TextAsHtml;
import org.village.notification.Notifications;
import org.village.security.CurrentUser;

/**
 * The frame of every page: skip links, the brand, the quick exit (always visible, also at 360 px),
 * navigation from {@code @Menu} (only the views the current person may open) and sign in / out.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final SideLinks nav;

    /** Pages parents and staff share, named for staff in staff words (a worker has no "my child"). */
    static final java.util.Map<String, String> STAFF_TITLES = java.util.Map.of(
            "My child's team", "Children's teams",
            "Tell it once", "Family profiles");

    MainLayout(CurrentUser currentUser, AuthenticationContext authentication, InterfaceLanguage language,
               Notifications notifications,
               org.springframework.beans.factory.ObjectProvider<org.village.shared.ui.PageChrome> chrome) {
        setPrimarySection(Section.NAVBAR);
        // Vaadin's <base href> would turn "#main-content" into the home page: quick-exit.js moves focus to
        // the element named by data-skip-to instead. The second skip link leaves at once, like the button.
        // words as the elements' own HTML, not text nodes: each text node is a state node kept on the server for as
        // long as the page is open (decisions 053 and 056)
        var skip = TextAsHtml.set(new Anchor("#main-content", ""), getTranslation("layout.skip.main"));
        skip.addClassName("skip-link");
        skip.getElement().setAttribute("router-ignore", true);
        skip.getElement().setAttribute("data-skip-to", "main-content");
        var skipExit = QuickExit.skipLink(this::text);
        var toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("layout.menu"));
        var brand = TextAsHtml.set(new RouterLink("", HomeView.class), "Village");
        brand.addClassName("brand");
        addToNavbar(skip, skipExit, toggle, brand, languageButton(language));
        // the bell with a count, for signed-in people (notification module, decision 070)
        currentUser.get().ifPresent(user -> addToNavbar(new NotificationBell(notifications, user.id())));
        addToNavbar(QuickExit.button(this::text), QuickExit.status(this::text));
        // parts other features add to every page (moderation's live urgent alerts for people on duty)
        chrome.orderedStream().sorted(java.util.Comparator.comparingInt(org.village.shared.ui.PageChrome::order))
                .forEach(part -> part.build().ifPresent(this::addToNavbar));

        // one element for the whole menu, not a component per link (decision 053: heap per open page)
        boolean staff = currentUser.get().map(u -> u.isStaff()).orElse(false);
        nav = new SideLinks(getTranslation("layout.nav"), MenuConfiguration.getMenuEntries().stream()
                .map(entry -> new SideLinks.Link(
                        menuTitle(staff ? STAFF_TITLES.getOrDefault(entry.title(), entry.title()) : entry.title()),
                        entry.path()))
                .toList());
        var userBox = new Div();
        userBox.addClassName("user-box");
        currentUser.get().ifPresentOrElse(user -> {
            var signOut = TextAsHtml.set(new Button("", e -> authentication.logout()), getTranslation("layout.signOut"));
            signOut.addThemeVariants(ButtonVariant.TERTIARY);
            userBox.add(TextAsHtml.set(new Span(), getTranslation("layout.signedInAs", user.displayName())), signOut);
        }, () -> userBox.add(new Anchor("/login", getTranslation("layout.signIn"))));
        addToDrawer(nav, userBox);
    }

    /**
     * {@code @Menu} titles stay English in the code (tests and the route list read them); each has a key made
     * from its words: "My child's team" is {@code menu.my-child-s-team}.
     */
    static String menuKey(String title) {
        return "menu." + title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private String menuTitle(String title) {
        return getTranslation(menuKey(title));
    }

    private String text(String key) {
        return getTranslation(key);
    }

    /**
     * One plain button naming the other language in its own words ("Polski" on an English page, "English" on a
     * Polish one), so a reader who cannot read the current language still finds theirs.
     */
    private Button languageButton(InterfaceLanguage language) {
        var current = InterfaceLanguage.current(com.vaadin.flow.component.UI.getCurrent());
        var other = InterfaceLanguage.CHOICES.stream().filter(c -> !c.equals(current)).findFirst().orElseThrow();
        var button = TextAsHtml.set(new Button("", e -> e.getSource().getUI().ifPresent(ui -> language.choose(ui, other.code()))),
                other.name());
        button.addThemeVariants(ButtonVariant.TERTIARY);
        button.addClassName("language-choice");
        button.setId("language-choice");
        button.getElement().setAttribute("lang", other.code());
        button.getElement().setAttribute("aria-label", getTranslation("layout.language", other.name()));
        return button;
    }

    /** The menu marks the page now open (aria-current), in the browser, after every navigation. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        nav.show(event.getLocation().getPath());
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        super.showRouterLayoutContent(content);
        if (content != null) {
            content.getElement().setAttribute("id", "main-content");
            content.getElement().setAttribute("tabindex", "-1");
            content.getElement().setAttribute("role", "main");
        }
    }
}
