package org.village.bench;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.village.TestUsers;
import org.village.booking.Availability;
import org.village.booking.SessionTypes;
import org.village.security.AccountService;
import org.village.shared.Times;

/**
 * Bench data, not a test: {@code workers} new worker accounts, each with weekly availability through the real
 * {@link Availability#addWeekly} path (worker lock, clash check, {@link Availability#HORIZON_WEEKS} weeks made):
 * a daytime rule on three or four weekdays and an evening rule on one or two, over the five session types in turn,
 * so a month holds about 200 x 5.5 x 4.3 = 4,700 sessions for 200 workers. Names start with {@code prefix} so a
 * run is told apart; the data is deterministic for a given worker count.
 *
 * <p>Use from a benchmark that extends {@code IntegrationTest}: {@code new AvailabilityGenerator(...).generate(200, "bench")}
 * (see {@link SessionListBenchmark}).
 */
public final class AvailabilityGenerator {

    private static final String[] TYPES = {"parent-support", "family-counselling", "sibling-group", "family-therapy"};
    private static final DayOfWeek[] WEEKDAYS = {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY};

    private final AccountService accounts;
    private final Availability availability;
    private final SessionTypes types;
    private final TestUsers users;
    private final JdbcClient jdbc;
    private final Clock clock;

    public AvailabilityGenerator(AccountService accounts, Availability availability, SessionTypes types, TestUsers users,
                                 JdbcClient jdbc, Clock clock) {
        this.accounts = accounts;
        this.availability = availability;
        this.types = types;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What was made. */
    public record Made(int workers, int rules, long sessions, double seconds) {
    }

    public Made generate(int workers, String prefix) {
        long started = System.nanoTime();
        LocalDate first = LocalDate.now(clock.withZone(Times.ZONE)).plusDays(2);
        int rules = 0;
        long before = jdbc.sql("SELECT COUNT(*) FROM booking_session").query(Long.class).single();
        try {
            for (int w = 0; w < workers; w++) {
                String name = prefix + ".worker." + w;
                users.as("admin");
                accounts.createStaff(name, "Bench worker " + w, "WORKER", "lantern-by-the-sea");
                users.as(name);
                long day = type(TYPES[w % TYPES.length]);
                Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                for (int d = 0; d < 3 + w % 2; d++) {
                    days.add(WEEKDAYS[(w + d) % WEEKDAYS.length]);
                }
                availability.addWeekly(day, days, LocalTime.of(9, 0).plusMinutes(30L * (w % 6)), first, null, null);
                Set<DayOfWeek> evenings = EnumSet.of(WEEKDAYS[(w + 3) % WEEKDAYS.length]);
                if (w % 3 == 0) {
                    evenings.add(WEEKDAYS[(w + 4) % WEEKDAYS.length]);
                }
                availability.addWeekly(type("parent-support"), evenings, LocalTime.of(18, 0).plusMinutes(30L * (w % 3)),
                        first, null, null);
                rules += 2;
            }
        } finally {
            users.anonymous();
        }
        long after = jdbc.sql("SELECT COUNT(*) FROM booking_session").query(Long.class).single();
        return new Made(workers, rules, after - before, (System.nanoTime() - started) / 1e9);
    }

    private long type(String code) {
        return types.byCode(code).orElseThrow().id();
    }
}
