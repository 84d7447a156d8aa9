package org.village.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.village.IntegrationTest;
import org.village.TestUsers;

/** Accounts tell the rest of the portal what happened (decision 066): ids only, and who did it. */
@RecordApplicationEvents
class SecurityEventsIT extends IntegrationTest {

    @Autowired
    AccountService accounts;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    @AfterEach
    void signOut() {
        users.anonymous();
    }

    @Test
    void usingAnInvitationPublishesInvitationAcceptedNamingWhoInvited() {
        long familyB = jdbc.sql("SELECT id FROM family WHERE label = 'Family B (sample)'").query(Long.class).single();
        long alex = jdbc.sql("SELECT id FROM user_account WHERE username = 'worker.alex'").query(Long.class).single();
        users.as("worker.alex");
        var invitation = accounts.invite(familyB);
        users.anonymous();

        long account = accounts.join(invitation.code(), "events.parent", "Events Parent", "lantern-by-the-sea-events");

        assertThat(events.stream(InvitationAccepted.class)).containsExactly(new InvitationAccepted(account, familyB, alex));
    }

    @Test
    void switchingAnAccountOffPublishesAccountSwitchedOffWithTheAdmin() {
        users.as("admin");
        long id = accounts.createStaff("events.worker", "Events Worker", "WORKER", "lantern-by-the-sea-events");

        accounts.setEnabled(id, true);
        assertThat(events.stream(AccountSwitchedOff.class)).isEmpty();
        accounts.setEnabled(id, false);

        assertThat(events.stream(AccountSwitchedOff.class)).singleElement().satisfies(e -> {
            assertThat(e.accountId()).isEqualTo(id);
            assertThat(e.by().label()).startsWith("admin:");
        });
    }
}
