package org.village.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.core.GrantedAuthority;
import org.village.IntegrationTest;
import org.village.TestUsers;
import org.village.families.FamilyService;
import org.village.shared.Capability;
import org.village.shared.InputProblem;
import org.village.shared.Roles;

/** An account holds a set of roles (decision 064): the migration keeps each old role; several roles add up. */
class RolesIT extends IntegrationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountService accounts;
    @Autowired
    FamilyService families;
    @Autowired
    VillageUserDetailsService details;
    @Autowired
    TestUsers users;

    @AfterEach
    void signOut() {
        users.anonymous();
    }

    /**
     * V13 on a database of its own, made with every migration before it: accounts with the old one-role column
     * come out with that role in account_role, and the old column and its checks are gone.
     */
    @Test
    void theMigrationKeepsEveryAccountsRole() {
        var hikari = (HikariDataSource) dataSource;
        String schema = "roles_migration_check";
        jdbc.sql("DROP DATABASE IF EXISTS " + schema).update();
        jdbc.sql("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci").update();
        try {
            String url = hikari.getJdbcUrl().replaceFirst("(//[^/]+/)[^?]*", "$1" + schema);
            var own = new DriverManagerDataSource(url, hikari.getUsername(), hikari.getPassword());
            // every migration before V13, whichever numbers they have
            var lastBefore = java.util.Arrays.stream(Flyway.configure().dataSource(own).locations("classpath:db/migration")
                            .load().info().all())
                    .map(m -> m.getVersion())
                    .filter(v -> v != null && !v.isAtLeast("13"))
                    .max(Comparable::compareTo).orElseThrow();
            Flyway.configure().dataSource(own).locations("classpath:db/migration").target(lastBefore).load().migrate();
            var db = JdbcClient.create(own);
            db.sql("INSERT INTO family (label, created_at) VALUES ('Old family', NOW(6))").update();
            long family = db.sql("SELECT id FROM family WHERE label = 'Old family'").query(Long.class).single();
            for (String[] a : new String[][] {{"old.parent", "PARENT"}, {"old.worker", "WORKER"}, {"old.admin", "ADMIN"}}) {
                db.sql("INSERT INTO user_account (username, display_name, password_hash, role, family_id, created_at)"
                                + " VALUES (?, ?, 'x', ?, ?, NOW(6))")
                        .params(a[0], a[0] + " name", a[1], "PARENT".equals(a[1]) ? family : null).update();
            }
            Flyway.configure().dataSource(own).locations("classpath:db/migration").target("13").load().migrate();

            var roles = db.sql("SELECT u.username, r.role FROM user_account u JOIN account_role r ON r.account_id = u.id"
                            + " ORDER BY u.username")
                    .query((rs, n) -> rs.getString(1) + "=" + rs.getString(2)).list();
            assertThat(roles).containsExactly("old.admin=ADMIN", "old.parent=PARENT", "old.worker=WORKER");
            assertThat(db.sql("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = ?"
                            + " AND table_name = 'user_account' AND column_name = 'role'")
                    .param(schema).query(Integer.class).single()).as("the old column is gone").isZero();
            // the parent still has their family; a second role is just another row
            assertThat(db.sql("SELECT family_id FROM user_account WHERE username = 'old.parent'").query(Long.class).single())
                    .isEqualTo(family);
            db.sql("INSERT INTO account_role (account_id, role) SELECT id, 'PEER_SUPPORTER' FROM user_account"
                    + " WHERE username = 'old.worker'").update();
            assertThatThrownBy(() -> db.sql("INSERT INTO account_role (account_id, role) SELECT id, 'WIZARD'"
                    + " FROM user_account WHERE username = 'old.worker'").update())
                    .as("only the four roles").isInstanceOf(Exception.class);
        } finally {
            jdbc.sql("DROP DATABASE IF EXISTS " + schema).update();
        }
    }

    @Test
    void theDemoAccountsHoldTheirOneRole() {
        assertThat(rolesOf("parent.a")).containsExactly("PARENT");
        assertThat(rolesOf("worker.sam")).containsExactly("WORKER");
        assertThat(rolesOf("admin")).containsExactly("ADMIN");
        assertThat(rolesOf("peer.jo")).containsExactly("PEER_SUPPORTER");
    }

    @Test
    void anAccountWithSeveralRolesMayDoWhatAnyOfThemAllows() {
        users.as("admin");
        long id = accounts.createStaff("two.roles", "Two Roles", Roles.PEER_SUPPORTER, "lantern-by-the-harbour");
        accounts.changeRoles(id, Set.of(Roles.PEER_SUPPORTER, Roles.WORKER));
        assertThat(rolesOf("two.roles")).containsExactlyInAnyOrder("PEER_SUPPORTER", "WORKER");
        assertThat(accounts.staff()).filteredOn(a -> a.id() == id).singleElement()
                .satisfies(a -> assertThat(a.roles()).containsExactlyInAnyOrder(Roles.PEER_SUPPORTER, Roles.WORKER));

        var user = (VillageUser) details.loadUserByUsername("two.roles");
        assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_PEER_SUPPORTER", "ROLE_WORKER", "CAN_MODERATE", "CAN_TAKE_DUTY",
                        "CAN_SEE_FAMILY_RECORDS", "CAN_WORK_WITH_FAMILIES")
                .doesNotContain("ROLE_ADMIN", "CAN_MANAGE_STAFF", "CAN_SEE_EVERY_FAMILY");

        // as a worker they can be given a family, and then see it; a peer supporter alone could not
        long family = families.create("Two roles family", java.util.List.of(new FamilyService.NewChild("Ash", "8 to 10"))).id();
        users.as("two.roles");
        assertThat(families.canSee(family)).isFalse();
        users.as("admin");
        families.assign(family, id);
        users.as("two.roles");
        assertThat(families.canSee(family)).isTrue();
        assertThat(families.visibleFamilies()).extracting(FamilyService.FamilySummary::id).containsExactly(family);
    }

    @Test
    void rolesAreTickedNotInvented() {
        users.as("admin");
        long id = accounts.createStaff("tick.check", "Tick Check", Roles.WORKER, "lantern-by-the-bridge");
        assertThatThrownBy(() -> accounts.changeRoles(id, Set.of())).isInstanceOf(InputProblem.class)
                .hasMessageContaining("at least one role");
        assertThatThrownBy(() -> accounts.changeRoles(id, Set.of(Roles.PARENT))).isInstanceOf(InputProblem.class)
                .hasMessageContaining("Parent accounts keep the parent role");
        assertThatThrownBy(() -> accounts.changeRoles(id, Set.of("WIZARD"))).isInstanceOf(InputProblem.class);
        long parent = jdbc.sql("SELECT id FROM user_account WHERE username = 'parent.b'").query(Long.class).single();
        assertThatThrownBy(() -> accounts.changeRoles(parent, Set.of(Roles.PEER_SUPPORTER)))
                .isInstanceOf(InputProblem.class).hasMessageContaining("Parent accounts keep the parent role");
        long me = jdbc.sql("SELECT id FROM user_account WHERE username = 'admin'").query(Long.class).single();
        assertThatThrownBy(() -> accounts.changeRoles(me, Set.of(Roles.WORKER))).isInstanceOf(InputProblem.class)
                .hasMessageContaining("your own roles");
        assertThat(rolesOf("tick.check")).containsExactly("WORKER");
        assertThat(Roles.capabilities(rolesOf("tick.check"))).doesNotContain(Capability.MANAGE_STAFF);
    }

    private java.util.List<String> rolesOf(String username) {
        return jdbc.sql("SELECT r.role FROM account_role r JOIN user_account u ON u.id = r.account_id"
                + " WHERE u.username = ? ORDER BY r.role").param(username).query(String.class).list();
    }
}
