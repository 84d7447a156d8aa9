package org.village.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.village.security.FirstAdmin;
import org.village.shared.InputProblem;

/**
 * Without the demo profile (as in production): no demo accounts, one admin made from
 * VILLAGE_ADMIN_PASSWORD at first start, and the neutral tab title option.
 */
@SpringBootTest(properties = {"village.db.embedded.folder=", "village.admin.initial-password=harbour-lights-at-dusk",
        "village.tab-title=Notes"})
class ProductionStartTest extends SpringBrowserlessTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    FirstAdmin firstAdmin;

    @Test
    void productionStartsWithOneAdminAndNoDemoAccounts() {
        assertThat(jdbc.sql("SELECT role FROM user_account").query(String.class).list()).containsExactly("ADMIN");
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
