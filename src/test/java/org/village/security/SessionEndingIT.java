package org.village.security;

import org.village.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.village.IntegrationTest;
import org.village.TestUsers;
import org.village.guides.GuideService;
import org.village.guides.Guides.GlossaryEdit;

/**
 * Switching an account off, changing its role or its password ends its sessions at once, on every node
 * (issue 8, item 4; decision 035). "Another node" is played by changing the database directly, which is all
 * another node shares with this one.
 */
class SessionEndingIT extends IntegrationTest {

    private static final String STAFF_PASSWORD = "green-kettle-morning"; // worker.sam's, copied to test accounts

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    UserDetailsService accountsByName;
    @Autowired
    AccountService accounts;
    @Autowired
    GuideService guides;
    @Autowired
    SessionStamps stamps;

    @AfterEach
    void signOut() {
        users.anonymous();
    }

    @Test
    void anAccountSwitchedOffOnAnotherNodeIsSignedOutAtItsNextRequest() throws Exception {
        worker("node.worker", "Node Worker");
        var browser = signIn("node.worker", STAFF_PASSWORD);
        var before = browser.get("staff/jargon-buster");
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).contains("Edit jargon buster");

        // what an admin on another node does: the row changes, nothing else is shared
        jdbc.sql("UPDATE user_account SET enabled = FALSE, security_stamp = security_stamp + 1 WHERE username = 'node.worker'")
                .update();

        var after = browser.get("staff/jargon-buster");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?ended"));
        var signInPage = browser.get("login?ended");
        assertThat(signInPage.body()).contains("You have been signed out");
        // the old session is gone for good: the staff page is not shown to that browser again
        var again = browser.get("staff/jargon-buster");
        assertThat(again.body()).doesNotContain("Edit jargon buster");
        assertThat(browser.get("account").body()).doesNotContain("You are signed in as");
    }

    @Test
    void aStampMovedOnAnotherNodeEndsTheSessionEvenWhileTheAccountStaysOn() throws Exception {
        worker("stamp.worker", "Stamp Worker");
        var browser = signIn("stamp.worker", STAFF_PASSWORD);
        assertThat(browser.get("account").body()).contains("You are signed in as Stamp Worker");
        jdbc.sql("UPDATE user_account SET security_stamp = security_stamp + 1 WHERE username = 'stamp.worker'").update();
        assertThat(browser.get("account").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?ended"));
        // signing in again gives a fresh, working session
        var fresh = signIn("stamp.worker", STAFF_PASSWORD);
        assertThat(fresh.get("account").body()).contains("You are signed in as Stamp Worker");
    }

    @Test
    void theQuickExitStillGoesToTheNeutralSiteWhenTheSessionHasEnded() throws Exception {
        worker("exit.worker", "Exit Worker");
        var browser = signIn("exit.worker", STAFF_PASSWORD);
        jdbc.sql("UPDATE user_account SET security_stamp = security_stamp + 1 WHERE username = 'exit.worker'").update();
        var exit = browser.get("quick-exit");
        assertThat(exit.statusCode()).isEqualTo(303);
        assertThat(exit.headers().firstValue("Location")).contains(NeutralSite.url());
    }

    @Test
    void theServiceLayerRefusesASaveFromASessionThatHasEnded() {
        worker("service.worker", "Service Worker");
        users.as("service.worker");
        guides.saveTerm(null, 0, new GlossaryEdit("Stamp check one", "A term saved while the session is good.", "", List.of()));
        // another node switches the account off; this thread still holds the old sign-in
        jdbc.sql("UPDATE user_account SET enabled = FALSE, security_stamp = security_stamp + 1 WHERE username = 'service.worker'")
                .update();
        assertThatThrownBy(() -> guides.saveTerm(null, 0,
                new GlossaryEdit("Stamp check two", "A term that must never be saved.", "", List.of())))
                .isInstanceOf(SessionEndedException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM glossary_term WHERE term = 'Stamp check two'").query(Integer.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM glossary_term WHERE term = 'Stamp check one'").query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void switchingOffChangingTheRoleAndAResetEachEndTheSessions() {
        long id = worker("changed.worker", "Changed Worker");
        users.as("admin");

        var signedIn = principal("changed.worker");
        accounts.setEnabled(id, false);
        assertThat(stamps.current(signedIn)).as("switched off").isFalse();
        accounts.setEnabled(id, true);
        assertThat(stamps.current(signedIn)).as("switched on again: the old session stays ended").isFalse();

        signedIn = principal("changed.worker");
        accounts.changeRoles(id, java.util.Set.of("WORKER", "ADMIN"));
        assertThat(stamps.current(signedIn)).as("new roles").isFalse();

        signedIn = principal("changed.worker");
        var link = accounts.issueReset(id);
        assertThat(stamps.current(signedIn)).as("a link alone changes nothing").isTrue();
        users.anonymous();
        accounts.resetPassword(link.path().substring("reset/".length()), "a-brand-new-lantern");
        assertThat(stamps.current(signedIn)).as("new password from a reset link").isFalse();
    }

    @Test
    void changingYourOwnPasswordEndsYourOtherSessionsButNotThisOne() {
        worker("own.password", "Own Password");
        var otherDevice = principal("own.password");
        users.as("own.password");
        accounts.changeOwnPassword(STAFF_PASSWORD, "a-brand-new-lantern");
        var thisDevice = (VillageUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        assertThat(stamps.current(thisDevice)).as("this session carries on").isTrue();
        assertThat(stamps.current(otherDevice)).as("the other one has ended").isFalse();
        // and this session can still do things
        guides.saveTerm(null, 0, new GlossaryEdit("Stamp check three", "Saved after a password change.", "", List.of()));

        var laterDevice = principal("own.password");
        accounts.signOutOtherDevices();
        assertThat(stamps.current(laterDevice)).isFalse();
        assertThat(stamps.current((VillageUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal()))
                .isTrue();
    }

    // ---- helpers ----

    private long worker(String username, String displayName) {
        return TestAccounts.copy(jdbc, "worker.sam", username, displayName, "WORKER");
    }

    /** The person as a session would hold them if they signed in now. */
    private VillageUser principal(String username) {
        return (VillageUser) accountsByName.loadUserByUsername(username);
    }

    record Browser(HttpClient client, int port) {
        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + path))
                    .header("Accept", "text/html,application/xhtml+xml").build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private Browser signIn(String username, String password) throws Exception {
        return new Browser(org.village.HttpSignIn.as(null, port, username, password), port);
    }
}
