package org.village;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test accounts made straight in the database, as a copy of a demo account (its password, and for a parent its
 * family), holding one role in account_role (decision 064). Returns the new account's id.
 */
public final class TestAccounts {

    private TestAccounts() {
    }

    public static long copy(JdbcClient jdbc, String from, String username, String displayName, String role) {
        jdbc.sql("INSERT INTO user_account (username, display_name, password_hash, family_id, created_at) "
                        + "SELECT ?, ?, password_hash, CASE WHEN ? = 'PARENT' THEN family_id END, NOW(6) "
                        + "FROM user_account WHERE username = ?")
                .params(username, displayName, role, from).update();
        long id = jdbc.sql("SELECT id FROM user_account WHERE username = ?").param(username).query(Long.class).single();
        jdbc.sql("INSERT INTO account_role (account_id, role) VALUES (?, ?)").params(id, role).update();
        return id;
    }
}
