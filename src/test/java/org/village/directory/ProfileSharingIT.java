package org.village.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Tell it once, by service call: the profile can be read by the family and by the family support workers the
 * parent ticks, and by nobody else (not an admin, not another worker, not another family, not because a
 * service on the team was ticked). Every read is shown to the parent; every refusal is audited.
 */
class ProfileSharingIT extends DirectoryIntegrationTest {

    @Autowired
    FamilyTeamService teams;

    private long sam() {
        return jdbc.sql("SELECT id FROM user_account WHERE username = 'worker.sam'").query(Long.class).single();
    }

    @AfterEach
    void nobodyChosen() {
        jdbc.sql("DELETE FROM family_profile_reader").update();
        jdbc.sql("DELETE FROM family_profile_share").update();
    }

    private void writeProfile(long family) {
        signIn("parent.a");
        teams.saveProfile(family, new FamilyProfile(family, "Talk to Jay calmly, one person at a time.",
                "Please do not call during school pick-up.", "Jay went missing twice last spring.", "English, Somali",
                "After 10am", null));
    }

    @Test
    void theParentChoosesTheirWorkerAndSeesWhoRead() {
        long familyA = familyId("Family A (sample)");
        writeProfile(familyA);
        assertThat(teams.readers(familyA)).extracting(FamilyTeamService.Reader::name).containsExactly("Sam (family support)");
        assertThat(teams.readers(familyA)).noneMatch(FamilyTeamService.Reader::chosen);

        signIn("worker.sam");
        assertThat(teams.profileShared(familyA)).isFalse();
        int refused = auditCount("profile.refused", "family:" + familyA);
        assertThatThrownBy(() -> teams.profile(familyA)).isInstanceOf(AccessDeniedException.class);
        assertThat(auditCount("profile.refused", "family:" + familyA)).isEqualTo(refused + 1);

        signIn("parent.a");
        teams.shareWith(familyA, sam(), true);
        assertThat(teams.readers(familyA)).allMatch(FamilyTeamService.Reader::chosen);

        signIn("worker.sam");
        int viewed = auditCount("profile.viewed", "family:" + familyA);
        assertThat(teams.profile(familyA)).get().extracting(FamilyProfile::whatHelps)
                .isEqualTo("Talk to Jay calmly, one person at a time.");
        assertThat(auditCount("profile.viewed", "family:" + familyA)).isEqualTo(viewed + 1);

        signIn("parent.a");
        assertThat(teams.profileViews(familyA)).extracting(ProfileView::viewer).contains("Sam (family support)");
        teams.shareWith(familyA, sam(), false);
        assertThat(auditCount("profile.unshared", "family:" + familyA)).isPositive();

        signIn("worker.sam");
        assertThatThrownBy(() -> teams.profile(familyA)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void tickingAServiceOnTheTeamLetsNoWorkerRead() {
        long familyA = familyId("Family A (sample)");
        writeProfile(familyA);
        for (var member : teams.shareChoices(familyA)) {
            teams.share(familyA, member.id(), true);
        }
        signIn("worker.sam");
        assertThat(teams.profileShared(familyA)).isFalse();
        assertThatThrownBy(() -> teams.profile(familyA)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAdminNeverReadsAProfileEvenWhenItIsShared() {
        long familyA = familyId("Family A (sample)");
        writeProfile(familyA);
        teams.shareWith(familyA, sam(), true);
        signIn("admin");
        int refused = auditCount("profile.refused", "family:" + familyA);
        assertThat(teams.profileShared(familyA)).isFalse();
        assertThatThrownBy(() -> teams.profile(familyA)).isInstanceOf(AccessDeniedException.class);
        assertThat(auditCount("profile.refused", "family:" + familyA)).isEqualTo(refused + 1);
        assertThatThrownBy(() -> teams.shareWith(familyA, sam(), true)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void otherFamiliesAndUnassignedWorkersCannotReadOrShare() {
        long familyA = familyId("Family A (sample)");
        writeProfile(familyA);
        teams.shareWith(familyA, sam(), true);
        long alex = jdbc.sql("SELECT id FROM user_account WHERE username = 'worker.alex'").query(Long.class).single();
        // a worker who does not look after the family cannot be chosen
        assertThatThrownBy(() -> teams.shareWith(familyA, alex, true))
                .isInstanceOf(org.village.shared.InputProblem.class);
        int denied = auditCount("access.denied", "family:" + familyA);

        signIn("worker.alex");
        assertThatThrownBy(() -> teams.profile(familyA)).isInstanceOf(AccessDeniedException.class);
        signIn("parent.b");
        assertThatThrownBy(() -> teams.profile(familyA)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> teams.shareWith(familyA, sam(), false)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> teams.profileViews(familyA)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> teams.readers(familyA)).isInstanceOf(AccessDeniedException.class);
        assertThat(auditCount("access.denied", "family:" + familyA)).isEqualTo(denied + 5);

        signIn("worker.sam");
        assertThatThrownBy(() -> teams.saveProfile(familyA, new FamilyProfile(familyA, "x", "", "", "", "", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> teams.shareWith(familyA, sam(), true)).isInstanceOf(AccessDeniedException.class);
    }
}
