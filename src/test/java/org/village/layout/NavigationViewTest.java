package org.village.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.security.test.context.support.WithUserDetails;

/** Browserless: the navigation shows each person only what they may open; refusals are kind pages. */
@SpringBootTest(properties = "village.db.embedded.folder=")
@ActiveProfiles("demo")
class NavigationViewTest extends SpringBrowserlessTest {

    private List<String> menu() {
        return $(SideLinks.class).single().labels();
    }

    @Test
    void visitorsSeePublicPagesAndTheQuickExit() {
        navigate(HomeView.class);
        assertThat(menu()).contains("Home", "Staying safe on this site")
                .doesNotContain("Families", "Your account", "Staff accounts", "Audit log");
        assertThat($(com.vaadin.flow.component.html.Anchor.class).all())
                .anyMatch(a -> "quick-exit".equals(a.getId().orElse(null)));
    }

    @Test
    @WithUserDetails("parent.a")
    void aParentSeesTheirAccountButNoStaffPages() {
        navigate(HomeView.class);
        assertThat(menu()).contains("Your account").doesNotContain("Families", "Staff accounts", "Audit log");
        navigate("families", NotAllowedView.class);
        assertThat($(com.vaadin.flow.component.html.H1.class).single().getText())
                .isEqualTo("You are not allowed to see this page");
    }

    @Test
    @WithUserDetails("worker.alex")
    void aWorkerSeesFamiliesButNoAdminPages() {
        navigate(HomeView.class);
        assertThat(menu()).contains("Families", "Your account").doesNotContain("Staff accounts", "Audit log");
        navigate("admin/audit", NotAllowedView.class);
    }

    @Test
    @WithUserDetails("admin")
    void anAdminSeesEverything() {
        navigate(HomeView.class);
        assertThat(menu()).contains("Families", "Staff accounts", "Audit log", "Your account");
    }

    @Test
    void aPageThatFailsShowsKindWordsAndHelpButNoTechnicalDetail() {
        navigate("test-only/broken", SomethingWentWrongView.class);
        String text = $(SomethingWentWrongView.class).single().getElement().getTextRecursively();
        assertThat(text).contains("Sorry, something went wrong", "not yours", "999")
                .doesNotContain("boom", "org.village", "Exception");
    }
}
