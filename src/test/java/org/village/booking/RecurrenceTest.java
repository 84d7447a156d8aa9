package org.village.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.village.helpnow.OpeningHours;
import org.village.shared.InputProblem;

class RecurrenceTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void weeklyOnTheChosenDaysLessTheClosedDatesPlusAnExtraEvening() {
        var hours = Recurrence.weekly(Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), LocalTime.of(18, 30), HOUR, List.of(
                OpeningHours.Dated.closedOn(LocalDate.of(2026, 12, 28), "Christmas week"),
                OpeningHours.Dated.extra(LocalDate.of(2026, 12, 31), LocalTime.of(19, 0), LocalTime.of(20, 0), "extra")));
        var plan = Recurrence.plan(hours, HOUR, LocalDate.of(2026, 12, 21), LocalDate.of(2027, 1, 3));

        assertThat(plan.occurrences()).extracting(Recurrence.Occurrence::day).containsExactly(
                LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 23), LocalDate.of(2026, 12, 30), LocalDate.of(2026, 12, 31));
        // winter: 18:30 in London is 18:30 UTC
        assertThat(plan.occurrences().getFirst().startsAt()).isEqualTo(Instant.parse("2026-12-21T18:30:00Z"));
        assertThat(plan.occurrences().getFirst().endsAt()).isEqualTo(Instant.parse("2026-12-21T19:30:00Z"));
        assertThat(plan.occurrences().get(3).startsAt()).isEqualTo(Instant.parse("2026-12-31T19:00:00Z"));
        assertThat(plan.skippedForClockChange()).isEmpty();
    }

    @Test
    void summerTimesAreAnHourEarlierInUtc() {
        var hours = Recurrence.weekly(Set.of(DayOfWeek.TUESDAY), LocalTime.of(10, 0), HOUR, List.of());
        var plan = Recurrence.plan(hours, HOUR, LocalDate.of(2026, 3, 23), LocalDate.of(2026, 4, 5));
        assertThat(plan.occurrences()).extracting(Recurrence.Occurrence::startsAt).containsExactly(
                Instant.parse("2026-03-24T10:00:00Z"), Instant.parse("2026-03-31T09:00:00Z"));
    }

    @Test
    void aOneOffSlotInTheMissingSpringHourIsRefusedKindly() {
        assertThatThrownBy(() -> Recurrence.start(LocalDate.of(2026, 3, 29), LocalTime.of(1, 30), "start"))
                .isInstanceOfSatisfying(InputProblem.class, p -> {
                    assertThat(p.key()).isEqualTo("availability.problem.springGap");
                    assertThat(p.field()).isEqualTo("start");
                    assertThat(p.getMessage()).contains("29 March 2026").contains("01:30").doesNotContain("Exception");
                });
        // the minutes either side exist
        assertThat(Recurrence.start(LocalDate.of(2026, 3, 29), LocalTime.of(0, 59), "start"))
                .isEqualTo(Instant.parse("2026-03-29T00:59:00Z"));
        assertThat(Recurrence.start(LocalDate.of(2026, 3, 29), LocalTime.of(2, 0), "start"))
                .isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    }

    @Test
    void aWeeklyRuleSkipsOnlyTheDayTheClocksSkipAndSaysSo() {
        var hours = Recurrence.weekly(Set.of(DayOfWeek.SUNDAY), LocalTime.of(1, 15), Duration.ofMinutes(30), List.of());
        var plan = Recurrence.plan(hours, Duration.ofMinutes(30), LocalDate.of(2026, 3, 22), LocalDate.of(2026, 4, 5));
        assertThat(plan.skippedForClockChange()).containsExactly(LocalDate.of(2026, 3, 29));
        assertThat(plan.occurrences()).extracting(Recurrence.Occurrence::day)
                .containsExactly(LocalDate.of(2026, 3, 22), LocalDate.of(2026, 4, 5));
    }

    @Test
    void aStartInTheRepeatedAutumnHourIsTheEarlierMomentAndIsLabelled() {
        Instant start = Recurrence.start(LocalDate.of(2026, 10, 25), LocalTime.of(1, 30), "start");
        // the first 01:30 is British Summer Time (UTC+1)
        assertThat(start).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(Recurrence.ambiguous(LocalDate.of(2026, 10, 25), LocalTime.of(1, 30))).isTrue();
        assertThat(Recurrence.label(start)).isEqualTo("01:30 BST");
        // an hour later by the clock on the wall it is 01:30 again, now GMT: shown so, never confused
        assertThat(Recurrence.label(start.plus(HOUR))).isEqualTo("01:30 GMT");
        // ordinary times carry no label
        assertThat(Recurrence.label(Instant.parse("2026-10-25T10:00:00Z"))).isEqualTo("10:00");
        // a one-hour session from the first 01:30 lasts a real hour (ends at 01:30 GMT)
        var hours = Recurrence.weekly(Set.of(DayOfWeek.SUNDAY), LocalTime.of(1, 30), HOUR, List.of());
        var plan = Recurrence.plan(hours, HOUR, LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 25));
        assertThat(plan.occurrences().getFirst().endsAt()).isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
    }

    @Test
    void aLateSessionRunsAcrossMidnightIntoTheNextDay() {
        var length = Duration.ofMinutes(90);
        var hours = Recurrence.weekly(Set.of(DayOfWeek.FRIDAY), LocalTime.of(23, 30), length, List.of(
                OpeningHours.Dated.closedOn(LocalDate.of(2027, 1, 9), "a Saturday: does not stop Friday's late session")));
        var plan = Recurrence.plan(hours, length, LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 10));
        assertThat(plan.occurrences()).singleElement().satisfies(o -> {
            assertThat(o.day()).isEqualTo(LocalDate.of(2027, 1, 8));
            assertThat(o.startsAt()).isEqualTo(Instant.parse("2027-01-08T23:30:00Z"));
            assertThat(o.endsAt()).isEqualTo(Instant.parse("2027-01-09T01:00:00Z"));
        });
        // the opening-hours row it is built on runs past midnight too
        assertThat(hours.rows().getFirst().crossesMidnight()).isTrue();
    }

    @Test
    void daysAreStoredAsTheOpeningHoursModelNamesThem() {
        assertThat(Availability.days(Set.of(DayOfWeek.WEDNESDAY, DayOfWeek.MONDAY))).isEqualTo("MON,WED");
        assertThat(Availability.days("MON,WED")).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY);
    }
}
