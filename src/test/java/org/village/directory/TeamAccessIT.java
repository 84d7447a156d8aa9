package org.village.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.village.shared.InputProblem;

/** My child's team: who may read and change it, and what the family sees after a worker's change. */
class TeamAccessIT extends DirectoryIntegrationTest {

    @Autowired
    FamilyTeamService teams;
    @Autowired
    DirectoryService directory;

    private long serviceId(String slug) {
        return directory.bySlug(slug).orElseThrow().id();
    }

    @Test
    void parentSeesTheirChildsTeamWithTheLeadProfessionalFirst() {
        signIn("parent.a");
        var team = teams.team(familyId("Family A (sample)"), childId("Jay"));
        assertThat(team).extracting(TeamMember::serviceSlug).contains("base", "camhs", "school-safeguarding-lead");
        assertThat(team.getFirst().lead()).isTrue();
        assertThat(team.stream().filter(TeamMember::lead)).hasSize(1);
        assertThat(team.getLast().status()).isNotEqualTo(TeamMember.Status.ACTIVE).isNotEqualTo(TeamMember.Status.REFERRED);
    }

    @Test
    void anotherFamilysParentIsRefusedAndTheAttemptIsAudited() {
        long familyA = familyId("Family A (sample)");
        int before = auditCount("access.denied", "family:" + familyA);
        signIn("parent.b");
        assertThatThrownBy(() -> teams.team(familyA, childId("Jay"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> teams.timeline(familyA, childId("Jay"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> teams.family(familyA)).isInstanceOf(AccessDeniedException.class);
        assertThat(auditCount("access.denied", "family:" + familyA)).isEqualTo(before + 3);
    }

    @Test
    void aWorkerNotAssignedToTheFamilyIsRefusedAndAudited() {
        long familyA = familyId("Family A (sample)");
        int before = auditCount("access.denied", "family:" + familyA);
        signIn("worker.alex");
        assertThatThrownBy(() -> teams.team(familyA, childId("Jay"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> teams.add(familyA, childId("Jay"), input(serviceId("brook-bristol"), "ACTIVE")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(auditCount("access.denied", "family:" + familyA)).isEqualTo(before + 2);
    }

    @Test
    void aChildFromAnotherFamilyCannotBeReachedThroughOwnFamilyId() {
        signIn("parent.b");
        long familyB = familyId("Family B (sample)");
        int before = auditCount("access.denied", "family:" + familyB);
        assertThatThrownBy(() -> teams.team(familyB, childId("Jay"))).isInstanceOf(AccessDeniedException.class);
        assertThat(auditCount("access.denied", "family:" + familyB)).isEqualTo(before + 1);
    }

    @Test
    void parentsCannotChangeTheTeam() {
        signIn("parent.a");
        assertThatThrownBy(() -> teams.add(familyId("Family A (sample)"), childId("Jay"),
                input(serviceId("brook-bristol"), "ACTIVE"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void workerAddsAServiceAndTheParentSeesItWithATimelineEntry() {
        long familyB = familyId("Family B (sample)");
        long mia = childId("Mia");
        signIn("worker.alex");
        var added = teams.add(familyB, mia, new TeamInput(serviceId("off-the-record"), "Dee", "youth counsellor", true,
                TeamMember.Status.WAITING, LocalDate.now(), "Dee will see Mia every week to talk.", "Text Dee", null));
        assertThatThrownBy(() -> teams.add(familyB, mia, input(serviceId("off-the-record"), "ACTIVE")))
                .isInstanceOf(InputProblem.class).hasMessageContaining("already on Mia's team");
        teams.update(familyB, added.id(), added.version(), new TeamInput(0, "Dee", "youth counsellor", true,
                TeamMember.Status.ACTIVE, LocalDate.now(), "Dee sees Mia every Monday to talk.", "Text Dee", "Monday 4pm"));

        signIn("parent.b");
        var team = teams.team(familyB, mia);
        assertThat(team.getFirst().serviceName()).isEqualTo("Off The Record Bristol");
        assertThat(team.getFirst().status()).isEqualTo(TeamMember.Status.ACTIVE);
        assertThat(teams.timeline(familyB, mia)).extracting(TeamEvent::text)
                .anyMatch(t -> t.startsWith("Off The Record Bristol joined the team"))
                .anyMatch(t -> t.contains("now working with you (was waiting to start)"));
        assertThat(auditCount("team.added", "family:" + familyB)).isPositive();
    }

    @Test
    void onlyOneLeadProfessionalPerChild() {
        long familyA = familyId("Family A (sample)");
        long jay = childId("Jay");
        signIn("worker.sam");
        teams.add(familyA, jay, new TeamInput(serviceId("youth-justice-service"), "Kim", "YOS officer", true,
                TeamMember.Status.ACTIVE, LocalDate.now(), "Kim is Jay's youth offending worker.", null, null));
        var team = teams.team(familyA, jay);
        assertThat(team.stream().filter(TeamMember::lead)).extracting(TeamMember::serviceName)
                .containsExactly("Bristol Youth Justice Service");
        assertThat(team.getFirst().serviceName()).isEqualTo("Bristol Youth Justice Service");
    }

    @Test
    void badTeamInputIsExplainedNotSaved() {
        signIn("worker.sam");
        long familyA = familyId("Family A (sample)");
        assertThatThrownBy(() -> teams.add(familyA, childId("Jay"), new TeamInput(serviceId("brook-bristol"),
                "Sam Smith", null, false, TeamMember.Status.ACTIVE, null, "Sexual health advice for Jay.", null, null)))
                .isInstanceOf(InputProblem.class).extracting("field").isEqualTo("workerFirstName");
        assertThatThrownBy(() -> teams.add(familyA, childId("Jay"), new TeamInput(serviceId("brook-bristol"),
                null, null, false, TeamMember.Status.ACTIVE, null, "", null, null)))
                .isInstanceOf(InputProblem.class).extracting("field").isEqualTo("forFamily");
    }

    private static TeamInput input(long serviceId, String status) {
        return new TeamInput(serviceId, null, null, false, TeamMember.Status.valueOf(status), null,
                "Helps this family with something.", null, null);
    }
}
