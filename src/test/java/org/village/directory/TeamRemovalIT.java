package org.village.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.village.shared.InputProblem;

/**
 * Removing a team entry added by mistake: only the family's own worker may, the family never reads that the
 * service joined, the entry is kept but shown to nobody, the same service can be added again properly, and
 * every removal and refusal is audited.
 */
class TeamRemovalIT extends DirectoryIntegrationTest {

    @Autowired
    FamilyTeamService teams;
    @Autowired
    DirectoryService directory;

    private long serviceId(String slug) {
        return directory.bySlug(slug).orElseThrow().id();
    }

    private TeamMember addByMistake(String worker, long familyId, long childId, String slug, boolean lead) {
        signIn(worker);
        return teams.add(familyId, childId, new TeamInput(serviceId(slug), "Pat", "youth worker", lead,
                TeamMember.Status.ACTIVE, LocalDate.now(), "Pat meets the young person every week.", null, null));
    }

    @Test
    void theFamilysWorkerRemovesAMistakeAndTheParentNeverReadsThatItJoined() {
        long familyA = familyId("Family A (sample)");
        long jay = childId("Jay");
        var mistake = addByMistake("worker.sam", familyA, jay, "youth-moves", false);
        int auditsBefore = auditCount("team.removed", "family:" + familyA);

        teams.remove(familyA, mistake.id());

        signIn("parent.a");
        assertThat(teams.team(familyA, jay)).extracting(TeamMember::serviceSlug).doesNotContain("youth-moves");
        assertThat(teams.shareChoices(familyA)).extracting(TeamMember::serviceSlug).doesNotContain("youth-moves");
        var timeline = teams.timeline(familyA, jay).stream().map(TeamEvent::text).toList();
        assertThat(timeline).noneMatch(t -> t.startsWith(mistake.serviceName() + " joined the team"));
        assertThat(timeline.getFirst()).isEqualTo(mistake.serviceName() + " was put on Jay's team by mistake, so we "
                + "have taken it off. They are not working with Jay.");
        awaitAuditCount("team.removed", "family:" + familyA, auditsBefore + 1);
        // soft delete: the row is kept for the record, marked with who removed it
        assertThat(jdbc.sql("SELECT removed_by FROM team_member WHERE id = ?").param(mistake.id())
                .query(String.class).single()).isEqualTo("worker:Sam (family support)");

        // the right entry can now be added for the same service, and the removed one cannot be changed
        var proper = addByMistake("worker.sam", familyA, jay, "youth-moves", false);
        assertThat(proper.id()).isNotEqualTo(mistake.id());
        assertThatThrownBy(() -> teams.update(familyA, mistake.id(), mistake.version(), new TeamInput(0, null, null,
                false, TeamMember.Status.ENDED, null, "Pat meets the young person every week.", null, null)))
                .isInstanceOf(InputProblem.class);
        assertThatThrownBy(() -> teams.remove(familyA, mistake.id())).isInstanceOf(InputProblem.class)
                .hasMessageContaining("no longer on the team");
        teams.remove(familyA, proper.id());
    }

    @Test
    void removingTheLeadFreesTheLeadAndStopsProfileSharing() {
        long familyB = familyId("Family B (sample)");
        long mia = childId("Mia");
        var mistake = addByMistake("worker.alex", familyB, mia, "bristol-horn-youth-concern", true);
        signIn("parent.b");
        teams.share(familyB, mistake.id(), true);
        long shares = jdbc.sql("SELECT COUNT(*) FROM family_profile_share WHERE team_member_id = ?")
                .param(mistake.id()).query(Long.class).single();
        assertThat(shares).isEqualTo(1);

        signIn("worker.alex");
        teams.remove(familyB, mistake.id());

        assertThat(teams.team(familyB, mia)).noneMatch(TeamMember::lead);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM family_profile_share WHERE team_member_id = ?")
                .param(mistake.id()).query(Long.class).single()).isZero();
        var another = addByMistake("worker.alex", familyB, mia, "creative-youth-network", true);
        assertThat(teams.team(familyB, mia).getFirst().id()).isEqualTo(another.id());
        teams.remove(familyB, another.id());
    }

    @Test
    void aWorkerCannotRemoveAnotherFamilysEntryEvenThroughTheirOwnFamily() {
        long familyA = familyId("Family A (sample)");
        long familyB = familyId("Family B (sample)");
        var entry = addByMistake("worker.sam", familyA, childId("Jay"), "nspcc-helpline", false);
        int deniedA = auditCount("access.denied", "family:" + familyA);
        int deniedB = auditCount("access.denied", "family:" + familyB);

        signIn("worker.alex");
        assertThatThrownBy(() -> teams.remove(familyA, entry.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> teams.remove(familyB, entry.id())).isInstanceOf(AccessDeniedException.class);
        signIn("parent.a");
        assertThatThrownBy(() -> teams.remove(familyA, entry.id())).isInstanceOf(AccessDeniedException.class);

        assertThat(auditCount("access.denied", "family:" + familyA)).isEqualTo(deniedA + 1);
        assertThat(auditCount("access.denied", "family:" + familyB)).isEqualTo(deniedB + 1);
        signIn("worker.sam");
        assertThat(teams.team(familyA, childId("Jay"))).extracting(TeamMember::id).contains(entry.id());
        teams.remove(familyA, entry.id());
    }
}
