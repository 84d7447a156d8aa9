package org.village.forum;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.village.TestText;
import org.village.TestUsers;
import org.village.security.AccountService;

/** What forum tests set up the same way: a category by its code, and a new parent who has never posted. */
final class ForumFixture {

    private final JdbcClient jdbc;
    private final TestUsers users;
    private final AccountService accounts;

    ForumFixture(JdbcClient jdbc, TestUsers users, AccountService accounts) {
        this.jdbc = jdbc;
        this.users = users;
        this.accounts = accounts;
    }

    long category(String code) {
        return jdbc.sql("SELECT id FROM forum_category WHERE code = ?").param(code).query(Long.class).single();
    }

    /**
     * A parent in Family B who has never posted, invited by a worker and joined as a parent does; returns the
     * username ({@code prefix} and letters). The display name has no digits: they can look like a phone number.
     */
    String newParent(String prefix) {
        long familyB = jdbc.sql("SELECT id FROM family WHERE label = 'Family B (sample)'").query(Long.class).single();
        users.as("worker.alex");
        var invitation = accounts.invite(familyB);
        users.anonymous();
        String word = TestText.letters(8);
        String name = prefix + "." + word;
        accounts.join(invitation.code(), name, "Newcomer " + word, "lantern-by-the-sea-forum");
        return name;
    }
}
