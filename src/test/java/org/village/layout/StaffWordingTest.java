package org.village.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

/** Issue 8 item 12: staff read staff words (no "my child", no "ask your family support worker"); parents keep theirs. */
@SpringBootTest(properties = "village.db.embedded.folder=")
@ActiveProfiles("demo")
class StaffWordingTest extends SpringBrowserlessTest {

    @Autowired
    JdbcClient jdbc;

    private List<String> menu() {
        return $(SideLinks.class).single().labels();
    }

    private String page() {
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst().getElement().getTextRecursively();
    }

    @SuppressWarnings("unchecked")
    private static Class<com.vaadin.flow.component.Component> teamView() {
        try {
            return (Class<com.vaadin.flow.component.Component>) Class.forName("org.village.directory.ui.TeamView");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @WithUserDetails("worker.sam")
    void aWorkerSeesStaffWordsInTheMenuHeadingsAndRefusals() {
        navigate(HomeView.class);
        assertThat(menu()).contains("Children's teams", "Family profiles").doesNotContain("My child's team", "Tell it once");
        long familyA = jdbc.sql("SELECT id FROM family WHERE label = 'Family A (sample)'").query(Long.class).single();
        navigate("team/" + familyA, teamView());
        assertThat(page()).contains("Family A (sample): children's teams", "Who sees this page: the family")
                .doesNotContain("My child's team", "your family support worker", "Your worker:", "For your family:");
        navigate("admin/audit", NotAllowedView.class);
        assertThat(page()).contains("ask a Village admin").doesNotContain("family support worker");
    }

    @Test
    @WithUserDetails("admin")
    void anAdminSeesStaffWordsToo() {
        navigate(HomeView.class);
        assertThat(menu()).contains("Children's teams", "Family profiles").doesNotContain("My child's team");
    }

    @Test
    @WithUserDetails("parent.a")
    void aParentKeepsTheirOwnWords() {
        navigate(HomeView.class);
        assertThat(menu()).contains("My child's team", "Tell it once").doesNotContain("Children's teams");
        navigate("families", NotAllowedView.class);
        assertThat(page()).contains("ask your family support worker");
    }
}
