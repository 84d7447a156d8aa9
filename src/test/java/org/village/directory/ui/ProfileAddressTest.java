package org.village.directory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.village.layout.ServiceDeniedView;

/**
 * Tell it once, by address: {@code /profile/{id}} opened directly by each kind of person. Only a worker the
 * parent chose sees the words; everyone else gets a kind page with none of them.
 */
@SpringBootTest(properties = "village.db.embedded.folder=")
@ActiveProfiles("demo")
class ProfileAddressTest extends SpringBrowserlessTest {

    private static final String SECRET = "Jay likes to talk while walking, not sitting face to face.";

    @Autowired
    JdbcClient jdbc;
    long familyA;

    @BeforeEach
    void profileWritten() {
        familyA = jdbc.sql("SELECT id FROM family WHERE label = 'Family A (sample)'").query(Long.class).single();
        jdbc.sql("DELETE FROM family_profile WHERE family_id = ?").param(familyA).update();
        jdbc.sql("INSERT INTO family_profile (family_id, what_helps, what_to_avoid, history, languages, best_times,"
                + " updated_at) VALUES (?, ?, '', '', '', '', ?)").params(familyA, SECRET, java.sql.Timestamp.from(Instant.now())).update();
        // the parent ticked every service on the team: that must not let anyone in
        jdbc.sql("INSERT IGNORE INTO family_profile_share (family_id, team_member_id, shared_at)"
                + " SELECT family_id, id, NOW() FROM team_member WHERE family_id = ?").param(familyA).update();
    }

    @AfterEach
    void clean() {
        jdbc.sql("DELETE FROM family_profile_reader").update();
        jdbc.sql("DELETE FROM family_profile_share").update();
    }

    private void chooseSam() {
        jdbc.sql("INSERT INTO family_profile_reader (family_id, worker_id, shared_at) SELECT ?, id, NOW()"
                + " FROM user_account WHERE username = 'worker.sam'").param(familyA).update();
    }

    private String text() {
        // the page shown (the view, or the refusal page), without the menu around it
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst().getElement().getTextRecursively();
    }

    @Test
    @WithUserDetails("worker.sam")
    void theFamilysWorkerReadsItOnlyOnceChosen() {
        navigate("profile/" + familyA, ProfileView.class);
        assertThat(text()).contains("has not chosen you").doesNotContain(SECRET);
        chooseSam();
        navigate("profile/" + familyA, ProfileView.class);
        assertThat(text()).contains(SECRET, "The family can see that you read this");
    }

    @Test
    @WithUserDetails("worker.alex")
    void anotherWorkerGetsTheNotAllowedPage() {
        chooseSam();
        navigate("profile/" + familyA, ServiceDeniedView.class);
        assertThat(text()).doesNotContain(SECRET);
    }

    @Test
    @WithUserDetails("admin")
    void anAdminGetsTheNotAllowedPage() {
        chooseSam();
        navigate("profile/" + familyA, ServiceDeniedView.class);
        assertThat(text()).doesNotContain(SECRET);
    }

    @Test
    @WithUserDetails("parent.b")
    void anotherParentGetsTheNotAllowedPage() {
        chooseSam();
        navigate("profile/" + familyA, ServiceDeniedView.class);
        assertThat(text()).doesNotContain(SECRET);
    }

    @Test
    @WithUserDetails("parent.a")
    void theParentIsToldInPlainWordsWhoCanAndCannotRead() {
        navigate("profile", ProfileView.class);
        assertThat($(com.vaadin.flow.component.checkbox.Checkbox.class).all())
                .extracting(com.vaadin.flow.component.checkbox.Checkbox::getLabel).containsExactly("Sam (family support)");
        assertThat(text()).contains("Who can read it",
                "Who cannot read it: the people who run Village (admins)", "services on your child's team")
                .doesNotContain("Only the services you share it with");
    }
}
