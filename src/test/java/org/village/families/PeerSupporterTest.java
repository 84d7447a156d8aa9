package org.village.families;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.village.directory.FamilyTeamService;
import org.village.layout.NotAllowedView;
import org.village.security.AccountService;
import org.village.security.CurrentUser;
import org.village.shared.Capability;

/**
 * A peer supporter (decision 064) may moderate but never sees a family record: not through a service call, not by
 * typing a family's address, not from the staff families pages. Every refused try at a family is audited.
 */
@SpringBootTest(properties = "village.db.embedded.folder=")
@ActiveProfiles("demo")
class PeerSupporterTest extends SpringBrowserlessTest {

    @Autowired
    FamilyService families;
    @Autowired
    FamilyTeamService teams;
    @Autowired
    AccountService accounts;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    JdbcClient jdbc;

    private long familyId(String label) {
        return jdbc.sql("SELECT id FROM family WHERE label = ?").param(label).query(Long.class).single();
    }

    private long childId(long familyId) {
        return jdbc.sql("SELECT MIN(id) FROM child WHERE family_id = ?").param(familyId).query(Long.class).single();
    }

    private int refusals(long familyId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action IN ('access.denied', 'profile.refused')"
                        + " AND target = ? AND actor = 'peer_supporter:Jody (peer supporter)'")
                .param("family:" + familyId).query(Integer.class).single();
    }

    @Test
    @WithUserDetails("peer.jo")
    void theServicesRefuseEveryFamilyRecord() {
        var me = currentUser.require();
        assertThat(me.can(Capability.MODERATE)).as("may moderate").isTrue();
        assertThat(me.can(Capability.SEE_FAMILY_RECORDS)).isFalse();

        long familyA = familyId(DemoFamilies.FAMILY_A);
        long jay = childId(familyA);
        int before = refusals(familyA);
        assertThat(families.canSee(familyA)).isFalse();
        assertThatThrownBy(() -> families.family(familyA)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> families.workersOf(familyA)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> families.visibleFamilies()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> families.create("Peer made", List.of(new FamilyService.NewChild("Kit", "8 to 10"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> teams.family(familyA)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> teams.team(familyA, jay)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> teams.timeline(familyA, jay)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> teams.profile(familyA)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> teams.profileViews(familyA)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> teams.shareChoices(familyA)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.invite(familyA)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.parentsOf(familyA)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.staff()).isInstanceOf(AccessDeniedException.class);
        // the ones that reach the family check are written down, as for anyone else
        assertThat(refusals(familyA)).isGreaterThanOrEqualTo(before + 7);
    }

    @Test
    @WithUserDetails("peer.jo")
    void typedAddressesOfFamilyPagesAreRefused() {
        long familyA = familyId(DemoFamilies.FAMILY_A);
        long familyB = familyId(DemoFamilies.FAMILY_B);
        UI.getCurrent().navigate("");
        assertThat($(org.village.layout.SideLinks.class).single().labels())
                .as("no family pages in the menu").doesNotContain("My child's team", "Tell it once", "Families");
        for (String address : List.of("team/" + familyA, "team/" + familyB, "team", "profile/" + familyA, "profile",
                "families", "families/new")) {
            navigate(address, NotAllowedView.class);
            String text = UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst().getElement()
                    .getTextRecursively();
            assertThat(text).as(address).contains("You are not allowed to see this page")
                    .doesNotContain("Family A (sample)", "Family B (sample)", "Jay", "Mia", "Sunflower");
        }
    }
}
