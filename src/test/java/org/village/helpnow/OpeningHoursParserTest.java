package org.village.helpnow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.village.shared.InputProblem;
import org.village.shared.Times;

class OpeningHoursParserTest {

    private static ZonedDateTime london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Times.ZONE);
    }

    @Test
    void weeklyHoursInTheWaysPeopleWriteThem() {
        var hours = OpeningHoursParser.parse(false, "Mon-Fri 09:00-17:00\nSAT,SUN 10:00-13:00\n\nwed 9.30 to 12.00");
        assertThat(hours.rows()).hasSize(3);
        assertThat(hours.rows().getFirst().days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(hours.rows().get(2).opens()).isEqualTo(LocalTime.of(9, 30));
        assertThat(hours.isOpen(london("2026-11-23T09:00"))).isTrue(); // Monday
        assertThat(hours.isOpen(london("2026-11-23T17:00"))).isFalse();
        assertThat(hours.isOpen(london("2026-11-28T12:59"))).isTrue(); // Saturday
        assertThat(OpeningHoursParser.parse(false, OpeningHoursParser.format(hours))).isEqualTo(hours);
    }

    @Test
    void hoursPastMidnightBelongToTheDayTheyStart() {
        var hours = OpeningHoursParser.parse(false, "Fri 19:00-02:00");
        assertThat(hours.isOpen(london("2026-11-27T23:30"))).isTrue();  // Friday night
        assertThat(hours.isOpen(london("2026-11-28T01:59"))).isTrue();  // early Saturday, still Friday's hours
        assertThat(hours.isOpen(london("2026-11-28T02:00"))).isFalse();
        assertThat(hours.isOpen(london("2026-11-28T23:30"))).isFalse(); // Saturday night has no hours
        assertThat(hours.nextChange(london("2026-11-27T20:00"))).contains(london("2026-11-28T02:00"));
        assertThat(hours.nextChange(london("2026-11-28T03:00"))).contains(london("2026-12-04T19:00"));
    }

    @Test
    void theClockChangeWeekendKeepsWallClockHours() {
        // clocks go back at 02:00 on Sunday 25 October 2026: the night is an hour longer, the hours are not moved
        var hours = OpeningHoursParser.parse(false, "Sat 22:00-06:00\nSun 09:00-17:00");
        var opens = london("2026-10-24T22:00");
        var closes = hours.nextChange(opens).orElseThrow();
        assertThat(closes.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-10-25T06:00"));
        assertThat(Duration.between(opens.toInstant(), closes.toInstant())).isEqualTo(Duration.ofHours(9));
        assertThat(hours.isOpen(london("2026-10-25T01:30"))).isTrue(); // happens twice this night; open both times
        assertThat(hours.isOpen(london("2026-10-25T09:00"))).isTrue();
        // clocks go forward on Sunday 29 March 2026: 01:00 to 02:00 does not exist, 8 hours of opening, not 9
        var spring = OpeningHoursParser.parse(false, "Sat 22:00-07:00");
        var start = london("2026-03-28T22:00");
        assertThat(Duration.between(start.toInstant(), spring.nextChange(start).orElseThrow().toInstant()))
                .isEqualTo(Duration.ofHours(8));
    }

    @Test
    void aClosedDateStopsThatDaysHoursAndSaysWhy() {
        var hours = OpeningHoursParser.parse(false, "Mon-Fri 09:00-17:00\n2026-12-25 closed Christmas Day\n"
                + "2026-12-28 closed Bank holiday");
        assertThat(hours.dated()).extracting(OpeningHours.Dated::date)
                .containsExactly(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28));
        assertThat(hours.isOpen(london("2026-12-24T10:00"))).isTrue();
        assertThat(hours.isOpen(london("2026-12-25T10:00"))).isFalse();
        assertThat(hours.isOpen(london("2026-12-28T10:00"))).isFalse();
        assertThat(hours.nextChange(london("2026-12-24T18:00"))).contains(london("2026-12-29T09:00"));
        assertThat(hours.describe()).contains("Friday 25 December, closed (Christmas Day)");
    }

    @Test
    void extraHoursOnADateAddToTheWeek() {
        var hours = OpeningHoursParser.parse(false, "Mon-Fri 09:00-17:00\n2026-12-19 18:00-22:00 Extra evening");
        assertThat(hours.isOpen(london("2026-12-19T19:00"))).isTrue(); // a Saturday
        assertThat(hours.isOpen(london("2026-12-19T22:00"))).isFalse();
        assertThat(hours.isOpen(london("2026-12-26T19:00"))).isFalse(); // the next Saturday is not extra
        assertThat(hours.nextChange(london("2026-12-19T10:00"))).contains(london("2026-12-19T18:00"));
        var late = OpeningHoursParser.parse(false, "2026-12-31 20:00-03:00 New Year's Eve");
        assertThat(late.isOpen(london("2027-01-01T02:30"))).isTrue();
    }

    @Test
    void alwaysOpenWinsAndLinesItCannotReadAreExplainedKindly() {
        assertThat(OpeningHoursParser.parse(true, "Mon 09:00-17:00").isOpen(london("2026-11-29T03:00"))).isTrue();
        assertThatThrownBy(() -> OpeningHoursParser.parse(false, "Mondays from nine")).isInstanceOf(InputProblem.class)
                .hasMessageContaining("\"Mondays from nine\"").extracting("field").isEqualTo("hours");
        assertThatThrownBy(() -> OpeningHoursParser.parse(false, "Funday 09:00-17:00")).isInstanceOf(InputProblem.class);
        assertThatThrownBy(() -> OpeningHoursParser.parse(false, "2026-02-30 closed")).isInstanceOf(InputProblem.class)
                .hasMessageContaining("2026-12-25");
    }
}
