package org.village.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.village.helpnow.OpeningHours;
import org.village.helpnow.OpeningHoursParser;
import org.village.shared.InputProblem;
import org.village.shared.Times;

/**
 * Who is on duty when: each person's hours are the one opening-hours model, so hours past midnight, dated exceptions
 * and the clock changes in March and October behave as they do for help lines.
 */
class DutyRotaTest {

    private static final long ALEX = 1;
    private static final long SAM = 2;
    private static final long NIGHT = 3;

    /** Local wall-clock time in London, as an instant. */
    private static Instant london(String local) {
        return LocalDateTime.parse(local).atZone(Times.ZONE).toInstant();
    }

    private static RotaPlan.Place place(long id, String name, boolean always, String hours) {
        return new RotaPlan.Place(id, name, OpeningHoursParser.parse(always, hours));
    }

    private static List<Long> ids(List<RotaPlan.OnDuty> onDuty) {
        return onDuty.stream().map(RotaPlan.OnDuty::accountId).toList();
    }

    private final RotaPlan demo = new RotaPlan(List.of(
            place(ALEX, "Alex", false, "Mon-Fri 09:00-17:00"),
            place(SAM, "Sam", true, "")));

    @Test
    void weekdayWorkerComesFirstInRotaOrderAndTheAlwaysOnWorkerCoversTheRest() {
        // Tuesday 1 December 2026, 10:00 and 20:00 in London
        assertThat(ids(demo.onDutyAt(london("2026-12-01T10:00")))).containsExactly(ALEX, SAM);
        assertThat(ids(demo.onDutyAt(london("2026-12-01T20:00")))).containsExactly(SAM);
        assertThat(ids(demo.onDutyAt(london("2026-12-05T10:00")))).containsExactly(SAM); // Saturday
        // 17:00 is the end: closed from then
        assertThat(ids(demo.onDutyAt(london("2026-12-01T16:59")))).containsExactly(ALEX, SAM);
        assertThat(ids(demo.onDutyAt(london("2026-12-01T17:00")))).containsExactly(SAM);
    }

    @Test
    void someoneIsOnDutyAtEveryHourOfAWeekWithTheDemoRota() {
        Instant start = london("2026-11-30T00:00");
        for (int hour = 0; hour < 24 * 7; hour++) {
            assertThat(demo.staffed(start.plusSeconds(hour * 3600L))).as("hour %d", hour).isTrue();
        }
    }

    @Test
    void orderFollowsTheRotaNotTheNames() {
        var reversed = new RotaPlan(List.of(place(SAM, "Sam", true, ""), place(ALEX, "Alex", false, "Mon-Fri 09:00-17:00")));
        assertThat(ids(reversed.onDutyAt(london("2026-12-01T10:00")))).containsExactly(SAM, ALEX);
    }

    @Test
    void hoursPastMidnightBelongToTheDayTheyStart() {
        var plan = new RotaPlan(List.of(place(NIGHT, "Night", false, "Fri 19:00-02:00")));
        assertThat(plan.staffed(london("2026-12-04T23:30"))).isTrue(); // Friday night
        assertThat(plan.staffed(london("2026-12-05T01:59"))).isTrue(); // small hours of Saturday
        assertThat(plan.staffed(london("2026-12-05T02:00"))).isFalse();
        assertThat(plan.staffed(london("2026-12-04T01:00"))).isFalse(); // Thursday's small hours: not Thursday's row
    }

    @Test
    void datedExceptionsCloseADayAndAddExtraHours() {
        var plan = new RotaPlan(List.of(place(ALEX, "Alex", false,
                "Mon-Fri 09:00-17:00\n2026-12-25 closed Christmas Day\n2026-12-26 18:00-22:00 extra evening")));
        assertThat(plan.staffed(london("2026-12-24T10:00"))).isTrue(); // Thursday
        assertThat(plan.staffed(london("2026-12-25T10:00"))).as("closed on Christmas Day").isFalse();
        assertThat(plan.staffed(london("2026-12-26T19:00"))).as("extra hours on a Saturday").isTrue();
        assertThat(plan.staffed(london("2026-12-26T17:00"))).isFalse();
    }

    @Test
    void wallClockHoursHoldAcrossTheSpringClockChange() {
        // Sunday 29 March 2026: clocks go forward at 01:00 GMT; 09:00 that day is 08:00 UTC, the day before 09:00 UTC
        var plan = new RotaPlan(List.of(place(ALEX, "Alex", false, "Sat, Sun 09:00-17:00")));
        assertThat(plan.staffed(Instant.parse("2026-03-28T08:30:00Z"))).isFalse(); // Saturday 08:30 GMT
        assertThat(plan.staffed(Instant.parse("2026-03-28T09:00:00Z"))).isTrue();
        assertThat(plan.staffed(Instant.parse("2026-03-29T08:00:00Z"))).isTrue(); // Sunday 09:00 BST
        assertThat(plan.staffed(Instant.parse("2026-03-29T16:30:00Z"))).isFalse(); // Sunday 17:30 BST
        // a night across the change: Saturday 22:00 GMT to Sunday 06:00 BST is seven hours, not eight
        var night = new RotaPlan(List.of(place(NIGHT, "Night", false, "Sat 22:00-06:00")));
        assertThat(night.staffed(Instant.parse("2026-03-29T04:30:00Z"))).isTrue(); // 05:30 BST
        assertThat(night.staffed(Instant.parse("2026-03-29T05:00:00Z"))).isFalse(); // 06:00 BST
    }

    @Test
    void wallClockHoursHoldAcrossTheAutumnClockChange() {
        // Sunday 25 October 2026: clocks go back at 02:00 BST; the night Saturday 22:00 BST to Sunday 06:00 GMT
        var night = new RotaPlan(List.of(place(NIGHT, "Night", false, "Sat 22:00-06:00")));
        assertThat(night.staffed(Instant.parse("2026-10-24T20:59:00Z"))).isFalse(); // 21:59 BST
        assertThat(night.staffed(Instant.parse("2026-10-24T21:00:00Z"))).isTrue(); // 22:00 BST
        assertThat(night.staffed(Instant.parse("2026-10-25T05:30:00Z"))).isTrue(); // 05:30 GMT
        assertThat(night.staffed(Instant.parse("2026-10-25T06:00:00Z"))).isFalse(); // 06:00 GMT
    }

    @Test
    void nextOnDutyIsTheEarliestStartOfSomeoneNotOnDutyNow() {
        var plan = new RotaPlan(List.of(place(ALEX, "Alex", false, "Mon-Fri 09:00-17:00"),
                place(NIGHT, "Night", false, "Fri 19:00-02:00")));
        var friday = london("2026-12-04T12:00");
        var next = plan.nextOnDuty(friday).orElseThrow();
        assertThat(next.person().accountId()).isEqualTo(NIGHT);
        assertThat(next.from()).isEqualTo(london("2026-12-04T19:00"));
        // on Saturday afternoon, Alex is next on Monday morning
        var monday = plan.nextOnDuty(london("2026-12-05T15:00")).orElseThrow();
        assertThat(monday.person().accountId()).isEqualTo(ALEX);
        assertThat(monday.from()).isEqualTo(london("2026-12-07T09:00"));
        assertThat(plan.nextStaffed(london("2026-12-05T15:00"))).contains(london("2026-12-07T09:00"));
        // the always-on worker is never "next": always on duty
        assertThat(demo.nextOnDuty(london("2026-12-05T15:00"))).get()
                .extracting(u -> u.person().accountId()).isEqualTo(ALEX);
    }

    @Test
    void anEmptyRotaIsNeverStaffed() {
        var empty = new RotaPlan(List.of());
        assertThat(empty.staffed(london("2026-12-01T10:00"))).isFalse();
        assertThat(empty.onDutyAt(london("2026-12-01T10:00"))).isEmpty();
        assertThat(empty.nextOnDuty(london("2026-12-01T10:00"))).isEmpty();
    }

    @Test
    void hoursThatCannotBeReadAreRefusedKindlyOnTheHoursField() {
        assertThatThrownBy(() -> OpeningHoursParser.parse(false, "Mon-Fri 9 till late"))
                .isInstanceOfSatisfying(InputProblem.class, p -> assertThat(p.field()).isEqualTo("hours"));
        assertThatThrownBy(() -> OpeningHoursParser.parse(false, "2026-02-30 closed"))
                .isInstanceOf(InputProblem.class);
        assertThat(OpeningHoursParser.parse(false, "Mon 09:00-09:00").problems("hours")).isNotEmpty();
        assertThat(new OpeningHours(false, List.of()).isOpen(london("2026-12-01T10:00"))).isFalse();
    }
}
