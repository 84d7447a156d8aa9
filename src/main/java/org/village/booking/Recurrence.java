package org.village.booking;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.village.helpnow.OpeningHours;
import org.village.shared.InputProblem;
import org.village.shared.Times;

/**
 * Turns wall-clock times in Europe/London into instants for sessions, on the shared opening-hours model: a weekly
 * rule is an {@link OpeningHours} whose rows give the days and the start (a row's closing time is the start plus the
 * session's length, so a late evening session may run past midnight), and whose closed {@link OpeningHours.Dated}
 * entries are the exceptions (a holiday, a cancelled week); an extra dated entry adds a one-off session that day.
 *
 * <p>Clock changes (decision 093): a start in the missing spring hour does not exist, so a one-off slot there is
 * refused with a kind message and a weekly rule skips that one date (and says so); a start in the repeated autumn
 * hour is read as the earlier of its two moments (British Summer Time), and {@link #label} shows "BST" or "GMT"
 * after any time in that hour so the reader is never unsure.
 */
public final class Recurrence {

    private Recurrence() {
    }

    /** One session to make: its local date and its start and end. */
    public record Occurrence(LocalDate day, Instant startsAt, Instant endsAt) {
    }

    /** What a rule makes in a date range, and the dates it skipped because the start does not exist that day. */
    public record Plan(List<Occurrence> occurrences, List<LocalDate> skippedForClockChange) {
    }

    /**
     * The instant a wall-clock start in Europe/London means. Refused (kindly, for {@code field}) when it falls in the
     * hour the clocks skip in spring; the earlier moment (BST) when it falls in the hour repeated in autumn.
     */
    public static Instant start(LocalDate day, LocalTime time, String field) {
        LocalDateTime local = day.atTime(time);
        List<ZoneOffset> offsets = Times.ZONE.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            throw InputProblem.keyed(field, "availability.problem.springGap",
                    day.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)), time.toString());
        }
        // ofLocal with no preferred offset keeps the earlier offset in an overlap: summer time (BST)
        return ZonedDateTime.ofLocal(local, Times.ZONE, offsets.getFirst()).toInstant();
    }

    /** True when the local time of this day happens twice (autumn) and a label needs "BST" or "GMT". */
    public static boolean ambiguous(LocalDate day, LocalTime time) {
        return Times.ZONE.getRules().getValidOffsets(day.atTime(time)).size() > 1;
    }

    /** "18:30", or "01:30 BST" / "01:30 GMT" when the wall-clock time happens twice that day. */
    public static String label(Instant instant) {
        ZonedDateTime at = instant.atZone(Times.ZONE);
        String time = at.format(DateTimeFormatter.ofPattern("HH:mm", Locale.UK));
        if (!ambiguous(at.toLocalDate(), at.toLocalTime())) {
            return time;
        }
        boolean summer = Times.ZONE.getRules().isDaylightSavings(instant);
        return time + (summer ? " BST" : " GMT");
    }

    /** The weekly hours for a rule: one row (days, start, start plus length) and its closed dates. */
    public static OpeningHours weekly(Set<DayOfWeek> days, LocalTime start, Duration length, List<OpeningHours.Dated> exceptions) {
        LocalTime end = start.plus(length);
        return new OpeningHours(false, List.of(new OpeningHours.Row(days, start, end)), exceptions);
    }

    /**
     * The sessions the weekly hours make from {@code first} to {@code last} (inclusive local dates): one per row on
     * each of its days, none on a closed date, plus one at each extra dated entry. Each lasts {@code length}, measured
     * in real time (a session across the autumn change still lasts an hour).
     */
    public static Plan plan(OpeningHours hours, Duration length, LocalDate first, LocalDate last) {
        var occurrences = new ArrayList<Occurrence>();
        var skipped = new ArrayList<LocalDate>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            LocalDate d = day;
            boolean closed = hours.dated().stream().anyMatch(x -> x.closed() && x.date().equals(d));
            if (!closed) {
                for (OpeningHours.Row row : hours.rows()) {
                    if (row.days().contains(day.getDayOfWeek())) {
                        add(occurrences, skipped, day, row.opens(), length);
                    }
                }
            }
            for (OpeningHours.Dated extra : hours.dated()) {
                if (!extra.closed() && extra.date().equals(day)) {
                    add(occurrences, skipped, day, extra.opens(), length);
                }
            }
        }
        return new Plan(List.copyOf(occurrences), List.copyOf(skipped));
    }

    private static void add(List<Occurrence> out, List<LocalDate> skipped, LocalDate day, LocalTime time, Duration length) {
        if (Times.ZONE.getRules().getValidOffsets(day.atTime(time)).isEmpty()) {
            skipped.add(day);
            return;
        }
        Instant start = start(day, time, null);
        out.add(new Occurrence(day, start, start.plus(length)));
    }
}
