package org.village.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.village.security.FirstAdmin;
import org.village.shared.InputProblem;

/**
 * Without the demo profile (as in production): no demo accounts, one admin made from
 * VILLAGE_ADMIN_PASSWORD at first start, and the neutral tab title option.
 */
@SpringBootTest(properties = {"village.db.embedded.folder=", "village.admin.initial-password=harbour-lights-at-dusk",
        "village.tab-title=Notes"})
class ProductionStartTest extends SpringBrowserlessTest {

    /**
     * A first start needs an empty database. The embedded default gives this test its own; on an external
     * server (VILLAGE_DB_URL), where other tests have already added demo accounts, it gets a fresh database
     * next to the configured one, dropped afterwards.
     */
    private static String freshExternalDatabase;

    @DynamicPropertySource
    static void freshDatabaseOnAnExternalServer(DynamicPropertyRegistry registry) throws Exception {
        String url = System.getenv("VILLAGE_DB_URL");
        if (url == null || url.isBlank()) {
            return;
        }
        var m = java.util.regex.Pattern.compile("^(jdbc:[a-z]+://[^/]+/)([^?]+)(.*)$").matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("VILLAGE_DB_URL should name a database");
        }
        freshExternalDatabase = m.group(2) + "_first_start_" + ProcessHandle.current().pid();
        execute(m.group(1) + m.group(3), "CREATE DATABASE `" + freshExternalDatabase
                + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        String fresh = m.group(1) + freshExternalDatabase + m.group(3);
        registry.add("village.db.url", () -> fresh);
    }

    @AfterAll
    static void dropFreshDatabase() throws Exception {
        if (freshExternalDatabase != null) {
            String url = System.getenv("VILLAGE_DB_URL");
            execute(url.replaceFirst("^(jdbc:[a-z]+://[^/]+/)[^?]+", "$1"), "DROP DATABASE IF EXISTS `"
                    + freshExternalDatabase + "`");
        }
    }

    private static void execute(String serverUrl, String sql) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(serverUrl, System.getenv("VILLAGE_DB_USER"),
                System.getenv("VILLAGE_DB_PASSWORD")); var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    FirstAdmin firstAdmin;

    @Test
    void productionStartsWithOneAdminAndNoDemoAccounts() {
        assertThat(jdbc.sql("SELECT r.role FROM account_role r JOIN user_account u ON u.id = r.account_id")
                .query(String.class).list()).containsExactly("ADMIN");
        assertThat(jdbc.sql("SELECT username FROM user_account").query(String.class).single()).isEqualTo("admin");
        assertThat(firstAdmin.needed()).isFalse();
        assertThatThrownBy(() -> firstAdmin.setUp("ANY-CODE", "second", "Second", "another-long-phrase"))
                .isInstanceOf(InputProblem.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM family").query(Integer.class).single()).isZero();
    }

    @Test
    void everyTabCanShowANeutralTitle() {
        navigate(StayingSafeView.class);
        // what Vaadin does just before it answers the browser
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Notes");
    }
}
