package org.village.booking;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.village.families.FamilyService;
import org.village.security.RunAs;
import org.village.shared.Times;

/**
 * Demo profile only: worker.sam and worker.alex offer sessions every week for the next eight weeks, evenings too,
 * a parenting course, a few families already booked, and one popular group session that is full with a family on
 * its waiting list. Everything goes through the real services, signed in as the demo people, so the database rules
 * and the audit log apply. Made once (when worker.sam has no weekly availability yet) and kept on later starts.
 */
@Component
@Profile("demo")
class BookingDemo {

    private static final Logger log = LoggerFactory.getLogger(BookingDemo.class);

    private final UserDetailsService users;
    private final Availability availability;
    private final SessionTypes types;
    private final Bookings bookings;
    private final FamilyService families;
    private final JdbcClient jdbc;
    private final Clock clock;

    BookingDemo(UserDetailsService users, Availability availability, SessionTypes types, Bookings bookings,
                FamilyService families, JdbcClient jdbc, Clock clock) {
        this.users = users;
        this.availability = availability;
        this.types = types;
        this.bookings = bookings;
        this.families = families;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(50)
    void create() {
        boolean made = jdbc.sql("SELECT COUNT(*) FROM booking_rule WHERE worker_id = ?").param(workerId("worker.sam"))
                .query(Long.class).single() > 0;
        if (made) {
            return;
        }
        try {
            // from the day after tomorrow: every kind of session needs at most a day's notice
            LocalDate first = LocalDate.now(clock.withZone(Times.ZONE)).plusDays(2);
            as("worker.sam");
            weekly("parent-support", Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), "10:00", first);
            weekly("family-counselling", Set.of(DayOfWeek.MONDAY), "18:30", first);
            weekly("sibling-group", Set.of(DayOfWeek.WEDNESDAY), "16:30", first);
            LocalDate tuesday = first.with(java.time.temporal.TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
            availability.addSlot(type("parenting-course"), tuesday, LocalTime.of(19, 0), "https://video.example.org/village-course");
            as("worker.alex");
            weekly("family-therapy", Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), "09:30", first);
            weekly("parent-support", Set.of(DayOfWeek.THURSDAY), "18:00", first);
            weekly("sibling-group", Set.of(DayOfWeek.TUESDAY), "17:00", first);
            bookSome();
            log.info("Demo booking: weekly availability for two workers, some bookings and a waiting list");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void bookSome() {
        long familyA = families.familyLabelled("Family A (sample)").orElseThrow();
        long familyB = families.familyLabelled("Family B (sample)").orElseThrow();
        // Sam's first sibling group: the popular one. Sam keeps it small this week (one place), Family A's Jay has
        // it, and Family B's Mia waits in line for it.
        as("worker.sam");
        var group = first("worker.sam", "sibling-group");
        bookings.changeCapacity(group, 1);
        bookings.bookOnBehalf(familyA, new BookingRequest(group, children(familyA), "Jay would like to come.", null));
        as("worker.sam");
        var counselling = first("worker.sam", "family-counselling");
        bookings.bookOnBehalf(familyA, new BookingRequest(counselling, everyone(familyA), "", null));
        as("parent.b");
        bookings.joinWaitingList(new BookingRequest(group, List.of(children(familyB).getFirst()), "", null));
        as("worker.alex");
        var therapy = first("worker.alex", "family-therapy");
        bookings.bookOnBehalf(familyB, new BookingRequest(therapy, everyone(familyB), "", null));
    }

    private List<String> children(long family) {
        return families.family(family).children().stream().map(c -> Member.childKey(c.id())).toList();
    }

    private List<String> everyone(long family) {
        var f = families.family(family);
        var keys = new java.util.ArrayList<String>();
        f.parents().forEach(p -> keys.add(Member.accountKey(p.id())));
        f.children().forEach(c -> keys.add(Member.childKey(c.id())));
        return keys;
    }

    private long first(String username, String typeCode) {
        return jdbc.sql("""
                        SELECT s.id FROM booking_session s JOIN booking_type t ON t.id = s.type_id
                        JOIN booking_rule r ON r.id = s.rule_id
                        WHERE t.code = ? AND s.status = 'OPEN' AND s.starts_at > ? AND r.worker_id = ?
                        ORDER BY s.starts_at LIMIT 1""")
                .params(typeCode, java.sql.Timestamp.from(clock.instant()), workerId(username)).query(Long.class).single();
    }

    private long workerId(String username) {
        return ((org.village.security.VillageUser) users.loadUserByUsername(username)).id();
    }

    private void weekly(String code, Set<DayOfWeek> days, String start, LocalDate first) {
        availability.addWeekly(type(code), days, LocalTime.parse(start), first, null, null);
    }

    private long type(String code) {
        return types.byCode(code).orElseThrow().id();
    }

    private void as(String username) {
        var user = users.loadUserByUsername(username);
        RunAs.signIn(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
