package org.village.directory.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.village.helpnow.OpeningHours;
import org.village.shared.InputProblem;

class ServiceFormTest {

    @Test
    void readsOpeningHoursAsAdminsTypeThemIncludingPastMidnight() {
        var rows = ServiceForm.rows("Mon, Tue, Wed 9:00-17:00\n\nFri 17:00-08:30\nsat sun 00:00-23:59");
        assertThat(rows).hasSize(3);
        assertThat(rows.getFirst().days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY);
        assertThat(rows.getFirst().opens()).isEqualTo(LocalTime.of(9, 0));
        assertThat(rows.get(1).crossesMidnight()).isTrue();
        // Saturday 3am (2027-01-16) is inside Friday's row that runs past midnight
        assertThat(new OpeningHours(false, rows).isOpen(Instant.parse("2027-01-16T03:00:00Z"))).isTrue();
    }

    @Test
    void explainsLinesItCannotRead() {
        assertThatThrownBy(() -> ServiceForm.rows("Mondays from nine")).isInstanceOf(InputProblem.class)
                .hasMessageContaining("Mon, Tue 09:00-17:00").extracting("field").isEqualTo("hours");
        assertThatThrownBy(() -> ServiceForm.rows("Funday 09:00-17:00")).isInstanceOf(InputProblem.class);
        assertThatThrownBy(() -> ServiceForm.rows("Mon 25:00-26:00")).isInstanceOf(InputProblem.class);
    }
}
