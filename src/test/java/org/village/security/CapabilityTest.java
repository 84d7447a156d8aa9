package org.village.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.village.shared.Capability;
import org.village.shared.Roles;

/** Which role gives what, and how a set of roles adds up (decision 064). */
class CapabilityTest {

    private static final Set<Capability> FAMILY_RECORDS = Set.of(Capability.SEE_OWN_FAMILY,
            Capability.SEE_FAMILY_RECORDS, Capability.SEE_EVERY_FAMILY, Capability.WORK_WITH_FAMILIES,
            Capability.MANAGE_FAMILIES, Capability.ASSIGN_WORKERS);

    @Test
    void aPeerSupporterModeratesButNothingAboutFamilies() {
        assertThat(Roles.capabilities(List.of(Roles.PEER_SUPPORTER))).containsExactly(Capability.MODERATE)
                .doesNotContainAnyElementsOf(FAMILY_RECORDS);
    }

    @Test
    void aParentSeesOnlyTheirOwnFamilyAndRunsNothing() {
        assertThat(Roles.capabilities(List.of(Roles.PARENT))).containsExactly(Capability.SEE_OWN_FAMILY);
    }

    @Test
    void aWorkerWorksWithFamiliesModeratesAndTakesDutyButRunsNoAccounts() {
        assertThat(Roles.capabilities(List.of(Roles.WORKER)))
                .contains(Capability.SEE_FAMILY_RECORDS, Capability.WORK_WITH_FAMILIES, Capability.MANAGE_FAMILIES,
                        Capability.MODERATE, Capability.TAKE_DUTY, Capability.EDIT_GUIDES, Capability.RUN_SESSIONS)
                .doesNotContain(Capability.SEE_EVERY_FAMILY, Capability.MANAGE_STAFF, Capability.READ_AUDIT,
                        Capability.ASSIGN_WORKERS, Capability.SEE_OWN_FAMILY);
    }

    @Test
    void anAdminRunsAccountsButIsNotAFamilySupportWorker() {
        assertThat(Roles.capabilities(List.of(Roles.ADMIN)))
                .contains(Capability.MANAGE_STAFF, Capability.READ_AUDIT, Capability.SEE_EVERY_FAMILY,
                        Capability.ASSIGN_WORKERS, Capability.EDIT_DIRECTORY)
                .doesNotContain(Capability.WORK_WITH_FAMILIES, Capability.TAKE_DUTY);
    }

    @Test
    void severalRolesGiveEverythingAnyOfThemGives() {
        var both = Roles.capabilities(List.of(Roles.PEER_SUPPORTER, Roles.WORKER));
        assertThat(both).containsAll(Roles.capabilities(List.of(Roles.WORKER)))
                .containsAll(Roles.capabilities(List.of(Roles.PEER_SUPPORTER)));
        assertThat(Roles.capabilities(List.of())).isEmpty();
        assertThat(Roles.capabilities(List.of("SOMETHING_ELSE"))).isEmpty();
    }

    @Test
    void everyRoleHasItsCapabilitiesWritten() {
        assertThat(Roles.CAPABILITIES.keySet()).containsExactlyInAnyOrderElementsOf(Roles.ALL);
        assertThat(Roles.STAFF_ROLES).doesNotContain(Roles.PARENT);
    }

    @Test
    void theSessionCarriesRolesAndCapabilitiesAsAuthorities() {
        var user = new VillageUser(5, "jo.both", "Jo Both", Set.of(Roles.PEER_SUPPORTER, Roles.WORKER), null, true, 0, null);
        assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_WORKER", "ROLE_PEER_SUPPORTER", "CAN_MODERATE", "CAN_TAKE_DUTY", "CAN_SEE_FAMILY_RECORDS")
                .doesNotContain("ROLE_ADMIN", "CAN_MANAGE_STAFF");
        assertThat(user.can(Capability.MODERATE)).isTrue();
        assertThat(user.mainRole()).isEqualTo(Roles.WORKER);
        assertThat(user.actor().label()).isEqualTo("worker:Jo Both");

        var peer = new VillageUser(6, "peer.x", "Peer X", Set.of(Roles.PEER_SUPPORTER), null, true, 0, null);
        assertThat(peer.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_PEER_SUPPORTER", "CAN_MODERATE");
        assertThat(peer.isStaff()).isFalse();
        assertThat(peer.isParentOf(1)).isFalse();
    }

    @Test
    void aParentIsTheParentOfTheirOwnFamilyOnly() {
        var parent = new VillageUser(7, "p", "P", Set.of(Roles.PARENT), 3L, true, 0, null);
        assertThat(parent.isParentOf(3)).isTrue();
        assertThat(parent.isParentOf(4)).isFalse();
    }
}
