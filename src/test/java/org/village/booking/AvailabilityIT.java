package org.village.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.village.IntegrationTest;
import org.village.TestUsers;
import org.village.families.FamilyService;
import org.village.security.AccountService;
import org.village.shared.InputProblem;
import org.village.shared.Times;

/**
 * Availability against the real database: a worker's sessions never overlap (also when two requests race), weekly
 * availability with days off and the nightly top-up, clock changes, places below those taken refused, private notes
 * only for their worker, and nobody but people who run sessions may use any of it. Each test makes its own worker.
 */
class AvailabilityIT extends IntegrationTest {

    @Autowired
    Availability availability;
    @Autowired
    SessionTypes types;
    @Autowired
    Bookings bookings;
    @Autowired
    FamilyService families;
    @Autowired
    AccountService accounts;
    @Autowired
    TestUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        users.anonymous();
    }

    private String newWorker() {
        String name = "avail." + UUID.randomUUID().toString().substring(0, 8);
        users.as("admin");
        accounts.createStaff(name, "Avail " + name.substring(6), "WORKER", "lantern-by-the-sea");
        users.as(name);
        return name;
    }

    private long type(String code) {
        return types.byCode(code).orElseThrow().id();
    }

    /** A date well ahead (past every type's notice) on the given day of the week, in some later week. */
    private LocalDate ahead(int weeks, DayOfWeek day) {
        return LocalDate.now(clock.withZone(Times.ZONE)).plusWeeks(weeks).with(TemporalAdjusters.nextOrSame(day));
    }

    private long overlappingPairs(long worker) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM booking_session a JOIN booking_session b ON a.worker_id = b.worker_id AND a.id < b.id
                        WHERE a.worker_id = ? AND a.status = 'OPEN' AND b.status = 'OPEN'
                        AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at""").param(worker).query(Long.class).single();
    }

    private long workerId(String name) {
        return jdbc.sql("SELECT id FROM user_account WHERE username = ?").param(name).query(Long.class).single();
    }

    @Test
    void anOverlappingSlotIsRefusedWithTheClashNamed() {
        newWorker();
        LocalDate day = ahead(3, DayOfWeek.TUESDAY);
        availability.addSlot(type("parent-support"), day, LocalTime.of(10, 0), null);

        assertThatThrownBy(() -> availability.addSlot(type("family-counselling"), day, LocalTime.of(10, 30), null))
                .isInstanceOfSatisfying(InputProblem.class, p -> {
                    assertThat(p.key()).isEqualTo("availability.problem.clash");
                    assertThat(p.field()).isEqualTo("start");
                    assertThat(p.getMessage()).contains("One-to-one parent support").contains("10:00").contains("10:45");
                });
        // touching is not overlapping: the next one may start as the first ends
        availability.addSlot(type("family-counselling"), day, LocalTime.of(10, 45), null);
        assertThat(availability.mySessions(day, day.plusDays(1))).hasSize(2);
    }

    @Test
    void twoRequestsRacingForOverlappingTimesNeverBothGetIn() throws Exception {
        String name = newWorker();
        long worker = workerId(name);
        long typeId = type("parent-support");
        int rounds = 12;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int made = 0;
        int refused = 0;
        try {
            for (int round = 0; round < rounds; round++) {
                LocalDate day = ahead(2, DayOfWeek.MONDAY).plusDays(round);
                var barrier = new CyclicBarrier(2);
                var results = new ArrayList<Future<Boolean>>();
                for (LocalTime start : List.of(LocalTime.of(14, 0), LocalTime.of(14, 15))) {
                    results.add(pool.submit(() -> {
                        users.as(name);
                        try {
                            barrier.await(10, TimeUnit.SECONDS);
                            availability.addSlot(typeId, day, start, null);
                            return true;
                        } catch (InputProblem p) {
                            assertThat(p.key()).isEqualTo("availability.problem.clash");
                            return false;
                        } finally {
                            users.anonymous();
                        }
                    }));
                }
                for (var r : results) {
                    if (r.get(30, TimeUnit.SECONDS)) {
                        made++;
                    } else {
                        refused++;
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(made).isEqualTo(rounds);
        assertThat(refused).isEqualTo(rounds);
        assertThat(overlappingPairs(worker)).isZero();
    }

    @Test
    void weeklyAvailabilityWithADayOffAndATopUpThatMakesNothingTwice() {
        String name = newWorker();
        LocalDate first = ahead(1, DayOfWeek.MONDAY);
        var result = availability.addWeekly(type("family-counselling"), Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
                LocalTime.of(18, 30), first, null, null);
        var made = availability.mySessions(first, first.plusWeeks(12));
        assertThat(made).hasSize(result.sessionsMade()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(made).allSatisfy(s -> {
            assertThat(s.startsAt().atZone(Times.ZONE).toLocalTime()).isEqualTo(LocalTime.of(18, 30));
            assertThat(s.startsAt().atZone(Times.ZONE).getDayOfWeek()).isIn(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
            assertThat(s.ruleId()).isEqualTo(result.ruleId());
        });

        LocalDate holiday = first.plusWeeks(2);
        availability.addException(result.ruleId(), holiday, "Training day <b>x</b>");
        availability.addException(result.ruleId(), holiday, "Training day <b>x</b>"); // a double click: no change
        assertThat(availability.mySessions(holiday, holiday.plusDays(1))).singleElement()
                .satisfies(s -> assertThat(s.cancelled()).isTrue());
        assertThat(availability.myRules()).filteredOn(r -> r.id() == result.ruleId()).singleElement()
                .satisfies(r -> assertThat(r.exceptions()).extracting(x -> x.date()).containsExactly(holiday));

        long before = jdbc.sql("SELECT COUNT(*) FROM booking_session WHERE rule_id = ?").param(result.ruleId()).query(Long.class).single();
        availability.topUp();
        availability.topUp();
        long after = jdbc.sql("SELECT COUNT(*) FROM booking_session WHERE rule_id = ?").param(result.ruleId()).query(Long.class).single();
        assertThat(after).isEqualTo(before);
        assertThat(overlappingPairs(workerId(name))).isZero();

        assertThat(availability.stopRule(result.ruleId())).isGreaterThan(0);
        assertThat(availability.mySessions(first, first.plusWeeks(12))).allSatisfy(s -> assertThat(s.cancelled()).isTrue());
    }

    @Test
    void weeklyAvailabilityThatWouldClashIsRefusedWhole() {
        newWorker();
        LocalDate first = ahead(1, DayOfWeek.WEDNESDAY);
        availability.addSlot(type("parent-support"), first.plusWeeks(3), LocalTime.of(19, 0), null);
        int rulesBefore = availability.myRules().size();
        assertThatThrownBy(() -> availability.addWeekly(type("family-therapy"), Set.of(DayOfWeek.WEDNESDAY),
                LocalTime.of(18, 30), first, null, null))
                .isInstanceOfSatisfying(InputProblem.class, p -> assertThat(p.key()).isEqualTo("availability.problem.clash"));
        assertThat(availability.myRules()).hasSize(rulesBefore);
        assertThat(availability.mySessions(first, first.plusWeeks(9))).hasSize(1);
    }

    @Test
    void aSlotInTheMissingSpringHourIsRefusedAndBadInputIsToldKindly() {
        newWorker();
        LocalDate today = LocalDate.now(clock.withZone(Times.ZONE));
        // the last Sunday of March, this year or next: the clocks go forward at 01:00
        LocalDate spring = today.withMonth(3).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
        if (!spring.isAfter(today.plusDays(2))) {
            spring = today.plusYears(1).withMonth(3).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
        }
        LocalDate gapDay = spring;
        assertThatThrownBy(() -> availability.addSlot(type("parent-support"), gapDay, LocalTime.of(1, 30), null))
                .isInstanceOfSatisfying(InputProblem.class, p -> assertThat(p.key()).isEqualTo("availability.problem.springGap"));
        assertThatThrownBy(() -> availability.addSlot(type("parent-support"), today.minusDays(1), LocalTime.of(10, 0), null))
                .isInstanceOfSatisfying(InputProblem.class, p -> assertThat(p.key()).isEqualTo("availability.problem.past"));
        assertThatThrownBy(() -> availability.addSlot(987654321L, today.plusDays(3), LocalTime.of(10, 0), null))
                .isInstanceOfSatisfying(InputProblem.class, p -> assertThat(p.key()).isEqualTo("availability.problem.type"));
        assertThatThrownBy(() -> availability.addSlot(type("parenting-course"), today.plusDays(3), LocalTime.of(10, 0),
                "javascript:alert(1)"))
                .isInstanceOfSatisfying(InputProblem.class, p -> assertThat(p.key()).isEqualTo("availability.problem.link"));
        assertThatThrownBy(() -> availability.addWeekly(type("parent-support"), Set.of(), LocalTime.of(10, 0), today, null, null))
                .isInstanceOfSatisfying(InputProblem.class, p -> assertThat(p.key()).isEqualTo("availability.problem.days"));
        assertThatThrownBy(() -> availability.addWeekly(type("parenting-course"), Set.of(DayOfWeek.MONDAY), LocalTime.of(10, 0),
                today, null, null))
                .isInstanceOfSatisfying(InputProblem.class, p -> assertThat(p.key()).isEqualTo("availability.problem.courseWeekly"));
    }

    @Test
    void aCourseIsItsWeeklySessionsSharingOneSeries() {
        newWorker();
        LocalDate first = ahead(2, DayOfWeek.TUESDAY);
        var ids = availability.addSlot(type("parenting-course"), first, LocalTime.of(19, 0), "https://video.example.org/room-1");
        assertThat(ids).hasSize(types.byCode("parenting-course").orElseThrow().seriesLength());
        var sessions = availability.mySessions(first, first.plusWeeks(ids.size()));
        assertThat(sessions).extracting(Availability.Slot::seriesId).containsOnly(ids.getFirst());
        assertThat(sessions).extracting(s -> s.startsAt().atZone(Times.ZONE).toLocalTime()).containsOnly(LocalTime.of(19, 0));
    }

    @Test
    void placesCannotGoBelowThoseTakenAndNotesStayWithTheirWorker() {
        String name = newWorker();
        LocalDate day = ahead(2, DayOfWeek.WEDNESDAY);
        long session = availability.addSlot(type("sibling-group"), day, LocalTime.of(16, 30), null).getFirst();
        for (int i = 0; i < 2; i++) {
            var family = families.create("Avail family " + UUID.randomUUID().toString().substring(0, 8),
                    List.of(new FamilyService.NewChild("Kit", "8 to 10")));
            bookings.bookOnBehalf(family.id(), new BookingRequest(session,
                    List.of(Member.childKey(family.children().getFirst().id())), "", null));
        }
        assertThatThrownBy(() -> bookings.changeCapacity(session, 1))
                .isInstanceOfSatisfying(InputProblem.class, p -> assertThat(p.key()).isEqualTo("booking.problem.capacityBelowBooked"));
        bookings.changeCapacity(session, 2);
        assertThat(availability.mySession(session)).get().satisfies(s -> {
            assertThat(s.capacity()).isEqualTo(2);
            assertThat(s.placesTaken()).isEqualTo(2);
        });

        String hostile = "</script><script>alert(1)</script> ' OR 1=1 -- \u202Eevil\u200B";
        availability.addNote(session, hostile);
        assertThat(availability.notes(session)).singleElement()
                .satisfies(n -> assertThat(n.body()).isEqualTo("</script><script>alert(1)</script> ' OR 1=1 -- evil"));
        assertThatThrownBy(() -> availability.addNote(session, "x".repeat(Availability.MAX_NOTE + 1)))
                .isInstanceOfSatisfying(InputProblem.class, p -> assertThat(p.key()).isEqualTo("availability.problem.noteLong"));
        assertThatThrownBy(() -> availability.addNote(session, " \u200B "))
                .isInstanceOfSatisfying(InputProblem.class, p -> assertThat(p.key()).isEqualTo("availability.problem.noteEmpty"));

        // another worker sees none of it, whatever id they send
        newWorker();
        assertThat(availability.mySession(session)).isEmpty();
        assertThat(availability.notes(session)).isEmpty();
        assertThatThrownBy(() -> availability.addNote(session, "mine now"))
                .isInstanceOfSatisfying(InputProblem.class, p -> assertThat(p.key()).isEqualTo("availability.problem.sessionGone"));
        users.as(name);
        assertThat(availability.notes(session)).hasSize(1);
    }

    @Test
    void parentsPeerSupportersAndAdminsCannotUseAvailabilityOrChangeTypes() {
        LocalDate day = ahead(2, DayOfWeek.FRIDAY);
        long typeId = type("parent-support");
        var edit = SessionTypes.TypeEdit.of(types.find(typeId).orElseThrow());
        for (String who : List.of("parent.a", "peer.jo", "admin")) {
            users.as(who);
            assertThatThrownBy(() -> availability.addSlot(typeId, day, LocalTime.of(9, 0), null)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> availability.addWeekly(typeId, Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), day, null, null))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> availability.mySessions(day, day.plusDays(7))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> availability.mySession(1L)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> availability.addNote(1L, "hello")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> availability.notes(1L)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> availability.addException(1L, day, "")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> availability.stopRule(1L)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> availability.myRules()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> types.save(edit)).isInstanceOf(AccessDeniedException.class);
        }
        users.anonymous();
        assertThatThrownBy(() -> availability.mySessions(day, day.plusDays(7))).isInstanceOf(Exception.class);
    }

    @Test
    void workersChangeTypesInPlainTextAndBadValuesAreToldKindly() {
        newWorker();
        long id = types.add(new SessionTypes.TypeEdit(0, "Walk and talk <img src=x onerror=alert(1)>",
                "A walk in the park with a worker. **Bold?** <script>alert('x')</script>", 50, 1,
                Set.of(SessionTypes.Attendee.PARENTS), SessionTypes.PlaceKind.ADDRESS, "The park gate", false, 60, 60, 1, false));
        var saved = types.find(id).orElseThrow();
        assertThat(saved.description()).contains("<script>alert('x')</script>");
        assertThat(types.offered()).extracting(SessionTypes.SessionType::id).doesNotContain(id);
        var edit = SessionTypes.TypeEdit.of(saved);
        assertThatThrownBy(() -> types.save(new SessionTypes.TypeEdit(id, " ", edit.description(), 50, 1, edit.attendees(),
                edit.placeKind(), edit.placeDetail(), false, 60, 60, 1, false)))
                .isInstanceOfSatisfying(InputProblem.class, p -> assertThat(p.field()).isEqualTo("name"));
        assertThatThrownBy(() -> types.save(new SessionTypes.TypeEdit(id, "Walk", edit.description(), 50, 0, edit.attendees(),
                edit.placeKind(), edit.placeDetail(), false, 60, 60, 1, false)))
                .isInstanceOfSatisfying(InputProblem.class, p -> assertThat(p.field()).isEqualTo("capacity"));
        assertThatThrownBy(() -> types.save(new SessionTypes.TypeEdit(id, "Walk", edit.description(), 50, 1, Set.of(),
                edit.placeKind(), edit.placeDetail(), false, 60, 60, 1, false)))
                .isInstanceOfSatisfying(InputProblem.class, p -> assertThat(p.field()).isEqualTo("attendees"));
        assertThatThrownBy(() -> types.save(new SessionTypes.TypeEdit(id, "Walk", "x".repeat(5000), 50, 1, edit.attendees(),
                edit.placeKind(), edit.placeDetail(), false, 60, 60, 1, false)))
                .isInstanceOfSatisfying(InputProblem.class, p -> assertThat(p.field()).isEqualTo("description"));
    }

    @Test
    void theFiveKindsOfSessionComeWithTheSchema() {
        assertThat(types.all()).extracting(SessionTypes.SessionType::code).contains("family-counselling", "sibling-group",
                "parenting-course", "parent-support", "family-therapy");
        assertThat(types.byCode("parenting-course")).get().satisfies(t -> {
            assertThat(t.isSeries()).isTrue();
            assertThat(t.placeKind()).isEqualTo(SessionTypes.PlaceKind.VIDEO);
        });
        assertThat(types.byCode("sibling-group")).get().satisfies(t -> assertThat(t.capacity()).isGreaterThan(1));
    }
}
