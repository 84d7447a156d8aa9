package org.village.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Tell it once: the parent shares and unshares per service, and sees every read. */
class ProfileSharingIT extends DirectoryIntegrationTest {

    @Autowired
    FamilyTeamService teams;

    @Test
    void workersReadTheProfileOnlyWhileSharedAndTheParentSeesWhoRead() {
        long familyA = familyId("Family A (sample)");
        signIn("parent.a");
        teams.saveProfile(familyA, new FamilyProfile(familyA, "Talk to Jay calmly, one person at a time.",
                "Please do not call during school pick-up.", "Jay went missing twice last spring.", "English, Somali",
                "After 10am", null));
        var base = teams.shareChoices(familyA).stream().filter(m -> m.serviceName().equals("BASE")).findFirst().orElseThrow();
        teams.share(familyA, base.id(), false);

        signIn("worker.sam");
        assertThat(teams.profileShared(familyA)).isFalse();
        int refused = auditCount("profile.refused", "family:" + familyA);
        assertThatThrownBy(() -> teams.profile(familyA)).isInstanceOf(AccessDeniedException.class);
        assertThat(auditCount("profile.refused", "family:" + familyA)).isEqualTo(refused + 1);

        signIn("parent.a");
        teams.share(familyA, base.id(), true);
        assertThat(teams.shareChoices(familyA)).filteredOn(m -> m.id() == base.id()).first()
                .extracting(TeamMember::profileShared).isEqualTo(true);

        signIn("worker.sam");
        int viewed = auditCount("profile.viewed", "family:" + familyA);
        assertThat(teams.profile(familyA)).get().extracting(FamilyProfile::whatHelps)
                .isEqualTo("Talk to Jay calmly, one person at a time.");
        assertThat(auditCount("profile.viewed", "family:" + familyA)).isEqualTo(viewed + 1);

        signIn("parent.a");
        assertThat(teams.profileViews(familyA)).extracting(ProfileView::viewer).contains("Sam (family support)");
        teams.share(familyA, base.id(), false);
        assertThat(auditCount("profile.unshared", "family:" + familyA)).isPositive();

        signIn("worker.sam");
        assertThatThrownBy(() -> teams.profile(familyA)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void otherFamiliesAndUnassignedWorkersCannotReadOrShare() {
        long familyA = familyId("Family A (sample)");
        signIn("parent.a");
        var anyMember = teams.shareChoices(familyA).getFirst();
        teams.share(familyA, anyMember.id(), true);
        int denied = auditCount("access.denied", "family:" + familyA);

        signIn("worker.alex");
        assertThatThrownBy(() -> teams.profile(familyA)).isInstanceOf(AccessDeniedException.class);
        signIn("parent.b");
        assertThatThrownBy(() -> teams.profile(familyA)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> teams.share(familyA, anyMember.id(), false)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> teams.profileViews(familyA)).isInstanceOf(AccessDeniedException.class);
        assertThat(auditCount("access.denied", "family:" + familyA)).isEqualTo(denied + 4);

        signIn("worker.sam");
        assertThatThrownBy(() -> teams.saveProfile(familyA, new FamilyProfile(familyA, "x", "", "", "", "", null)))
                .isInstanceOf(AccessDeniedException.class);
        signIn("parent.a");
        teams.share(familyA, anyMember.id(), false);
    }
}
