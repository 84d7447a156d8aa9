package org.village.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.village.shared.HelpNowSource;
import org.village.shared.InputProblem;

/**
 * Withdrawing a service: gone from the directory, search, help now and the ORUK API (list and by id), kept
 * for history and children's teams, audited, and put back exactly as it was. Only admins may do either.
 */
class WithdrawIT extends DirectoryIntegrationTest {

    @Autowired
    DirectoryService directory;
    @Autowired
    FamilyTeamService teams;
    @Autowired
    List<HelpNowSource> helpNow;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A listed, out-of-hours service of this test's own, so other tests' counts are not disturbed. */
    private ServiceDetail newService(String name) {
        signIn("admin");
        var i = directory.bySlug("brook-bristol").orElseThrow().toInput();
        return directory.create(new ServiceInput(null, name, i.organization(), i.organizationUrl(), i.whatTheyDo(),
                i.whatTheyDont(), i.forWho(), i.minAge(), i.maxAge(), i.exploitation(), i.audiences(), i.needs(),
                i.areas(), i.referral(), i.referralHow(), i.howTheyContact(), i.hours(), true, i.languages(), i.cost(),
                "0117 496 0999", null, null, null, false, null));
    }

    private List<String> listed(String text) {
        return directory.search(DirectoryFilter.text(text), 0, 100).stream().map(ServiceSummary::name).toList();
    }

    private List<String> helpLineNames() {
        return helpNow.stream().flatMap(s -> s.helpLines().stream()).map(l -> l.name()).toList();
    }

    @Test
    void aWithdrawnServiceLeavesTheDirectorySearchHelpNowAndTheOrukApiAndComesBackOnUndo() throws Exception {
        var service = newService("Withdraw Test Clinic");
        assertThat(listed("Withdraw Test")).containsExactly("Withdraw Test Clinic");
        assertThat(get("/api/oruk/services?text=Withdraw%20Test").body()).contains(service.uuid());
        assertThat(helpLineNames()).contains("Withdraw Test Clinic");
        int listedBefore = directory.count(DirectoryFilter.none());

        var withdrawn = directory.withdraw(service.id(), "The clinic closed in May.");

        assertThat(withdrawn.withdrawn()).isTrue();
        assertThat(withdrawn.withdrawal().reason()).isEqualTo("The clinic closed in May.");
        assertThat(withdrawn.withdrawal().by()).startsWith("admin:");
        assertThat(listed("Withdraw Test")).isEmpty();
        assertThat(directory.count(DirectoryFilter.none())).isEqualTo(listedBefore - 1);
        assertThat(helpLineNames()).doesNotContain("Withdraw Test Clinic");
        var list = get("/api/oruk/services?per_page=100");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(service.uuid()).doesNotContain("Withdraw Test Clinic");
        assertThat(get("/api/oruk/services/" + service.uuid()).statusCode()).isEqualTo(404);
        // kept for history: the admin still finds it, marked withdrawn
        assertThat(directory.adminSearch("Withdraw Test", 0, 10)).singleElement()
                .satisfies(s -> assertThat(s.withdrawn()).isTrue());
        awaitAuditCount("service.withdrawn", "service:" + service.id(), 1);
        assertThatThrownBy(() -> directory.withdraw(service.id(), null)).isInstanceOf(InputProblem.class)
                .hasMessageContaining("already withdrawn");

        var restored = directory.restore(service.id());

        assertThat(restored.withdrawn()).isFalse();
        assertThat(DirectoryImport.normal(restored.toInput())).isEqualTo(DirectoryImport.normal(service.toInput()));
        assertThat(listed("Withdraw Test")).containsExactly("Withdraw Test Clinic");
        assertThat(get("/api/oruk/services/" + service.uuid()).statusCode()).isEqualTo(200);
        assertThat(get("/api/oruk/services?per_page=100").body()).contains(service.uuid());
        awaitAuditCount("service.restored", "service:" + service.id(), 1);
    }

    @Test
    void aWithdrawnServiceStaysOnChildrensTeamsButCannotBeAddedToANewOne() {
        var service = newService("Withdraw Team Clinic");
        long familyB = familyId("Family B (sample)");
        signIn("worker.alex");
        teams.add(familyB, childId("Leo"), new TeamInput(service.id(), null, null, false, TeamMember.Status.ACTIVE,
                null, "Helps Leo with something useful.", null, null));
        signIn("admin");
        directory.withdraw(service.id(), null);

        signIn("parent.b");
        assertThat(teams.team(familyB, childId("Leo"))).extracting(TeamMember::serviceName).contains("Withdraw Team Clinic");
        // the worker's service picker searches the directory, which no longer lists it, and the service refuses it
        assertThat(listed("Withdraw Team")).isEmpty();
        signIn("worker.alex");
        assertThatThrownBy(() -> teams.add(familyB, childId("Mia"), new TeamInput(service.id(), null, null, false,
                TeamMember.Status.ACTIVE, null, "Helps Mia with something useful.", null, null)))
                .isInstanceOf(InputProblem.class).hasMessageContaining("taken out of the directory");
    }

    @Test
    void onlyAdminsWithdrawOrRestore() {
        var service = newService("Withdraw Rights Clinic");
        for (String who : new String[] {"worker.sam", "parent.a"}) {
            signIn(who);
            assertThatThrownBy(() -> directory.withdraw(service.id(), null)).isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> directory.restore(service.id())).isInstanceOf(AuthorizationDeniedException.class);
            assertThatThrownBy(() -> directory.adminSearch("", 0, 10)).isInstanceOf(AuthorizationDeniedException.class);
        }
        users.anonymous();
        assertThatThrownBy(() -> directory.withdraw(service.id(), null)).isInstanceOf(
                org.springframework.security.core.AuthenticationException.class);
        assertThat(listed("Withdraw Rights")).containsExactly("Withdraw Rights Clinic");
    }

    @Test
    void aReasonThatIsTooLongIsExplainedAndNothingChanges() {
        var service = newService("Withdraw Reason Clinic");
        assertThatThrownBy(() -> directory.withdraw(service.id(), "x".repeat(301))).isInstanceOf(InputProblem.class)
                .extracting("field").isEqualTo("reason");
        assertThat(directory.byId(service.id()).orElseThrow().withdrawn()).isFalse();
    }
}
