package org.village.helpnow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.village.shared.Times;

class OpeningHoursTest {

    private static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Times.ZONE).toInstant();
    }

    @Test
    void weekdayHoursAreOpenOnlyInsideThem() {
        var hours = OpeningHours.of(OpeningHours.Row.of("MON TUE WED THU FRI", "09:00", "17:00"));
        assertThat(hours.isOpen(london("2026-11-23T09:00"))).isTrue(); // Monday
        assertThat(hours.isOpen(london("2026-11-23T16:59"))).isTrue();
        assertThat(hours.isOpen(london("2026-11-23T17:00"))).isFalse();
        assertThat(hours.isOpen(london("2026-11-22T12:00"))).isFalse(); // Sunday
        assertThat(hours.nextOpening(london("2026-11-21T20:00"))).contains(london("2026-11-23T09:00"));
    }

    @Test
    void hoursPastMidnightRunIntoTheNextDay() {
        var outOfHours = OpeningHours.of(OpeningHours.Row.of("MON,TUE,WED,THU,FRI", "17:00", "08:30"));
        assertThat(outOfHours.isOpen(london("2026-11-27T23:30"))).isTrue();  // Friday night
        assertThat(outOfHours.isOpen(london("2026-11-28T03:00"))).isTrue();  // into Saturday morning
        assertThat(outOfHours.isOpen(london("2026-11-28T09:00"))).isFalse(); // Saturday day
        assertThat(outOfHours.isOpen(london("2026-11-23T03:00"))).isFalse(); // Monday 3am: Sunday has no row
        assertThat(outOfHours.closesAt(london("2026-11-24T02:00"))).contains(london("2026-11-24T08:30"));
    }

    @Test
    void wholeDayWeekendRowsCoverTheWholeDay() {
        var weekend = OpeningHours.of(OpeningHours.Row.of("SAT SUN", "00:00", "23:59"));
        assertThat(weekend.isOpen(london("2026-11-28T00:00"))).isTrue();
        assertThat(weekend.isOpen(london("2026-11-29T23:59:30"))).isTrue();
        assertThat(weekend.isOpen(london("2026-11-30T00:00"))).isFalse();
        assertThat(weekend.describe()).isEqualTo("Saturday, Sunday, all day");
    }

    @Test
    void clockChangesDoNotShiftLocalHours() {
        var hours = OpeningHours.of(OpeningHours.Row.of("SUN", "09:00", "17:00"));
        // 29 March 2026: clocks go forward at 01:00 UTC; 09:00 local is then 08:00 UTC
        assertThat(hours.isOpen(Instant.parse("2026-03-29T08:00:00Z"))).isTrue();
        assertThat(hours.isOpen(Instant.parse("2026-03-29T07:59:00Z"))).isFalse();
    }

    @Test
    void overlappingAndEmptyRowsAreReportedKindly() {
        var hours = OpeningHours.of(OpeningHours.Row.of("MON", "09:00", "17:00"), OpeningHours.Row.of("MON", "16:00", "18:00"),
                OpeningHours.Row.of("TUE", "10:00", "10:00"));
        assertThat(hours.problems()).anyMatch(p -> p.contains("overlap")).anyMatch(p -> p.contains("the same"));
        assertThat(OpeningHours.always().isOpen(Instant.now())).isTrue();
        assertThat(OpeningHours.of(OpeningHours.Row.of("MON TUE WED THU FRI", "09:00", "17:30")).describe())
                .isEqualTo("Monday to Friday, 9am to 5.30pm");
    }
}
