package org.village.helpnow;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.village.shared.InputProblem;
import org.village.shared.Texts;
import org.village.shared.Times;

/**
 * The one opening-hours model (decision 058): weekly hours in the portal's time zone (Europe/London), plus
 * dated exceptions. Each row is a set of days with an opening and closing wall-clock time; a closing time
 * at or before the opening time runs past midnight into the next day (19:00-02:00), and "00:00-23:59"
 * means the whole day. A {@link Dated} entry either closes a date (a bank holiday, a training day: no weekly
 * hours start that day) or adds hours on a date (an extra evening). Wall-clock times are turned into
 * instants only when asked, so clock changes in March and October need no special care. Help now, the
 * directory, and later chat rooms and booking all use it; read text with {@link OpeningHoursParser}.
 */
public record OpeningHours(boolean alwaysOpen, List<Row> rows, List<Dated> dated) {

    public OpeningHours {
        rows = rows == null ? List.of() : List.copyOf(rows);
        dated = dated == null ? List.of() : dated.stream().sorted(Comparator.comparing(Dated::date)).toList();
    }

    /** Weekly hours with no dated exceptions. */
    public OpeningHours(boolean alwaysOpen, List<Row> rows) {
        this(alwaysOpen, rows, List.of());
    }

    public static OpeningHours always() {
        return new OpeningHours(true, List.of());
    }

    public static OpeningHours of(Row... rows) {
        return new OpeningHours(false, List.of(rows));
    }

    /** The same hours with these dated exceptions instead of the ones it had. */
    public OpeningHours withDated(List<Dated> exceptions) {
        return new OpeningHours(alwaysOpen, rows, exceptions);
    }

    /** True when the moment falls inside an opening (the clock's zone does not matter: the portal's is used). */
    public boolean isOpen(ZonedDateTime at) {
        return isOpen(at.toInstant());
    }

    /**
     * The next moment after {@code at} when it opens or closes (within two weeks), in the portal's zone;
     * empty when it is always open or never opens.
     */
    public Optional<ZonedDateTime> nextChange(ZonedDateTime at) {
        Instant now = at.toInstant();
        boolean open = isOpen(now);
        return (open ? closesAt(now) : nextOpening(now)).map(i -> i.atZone(Times.ZONE));
    }

    /** True when the given moment falls inside any row (including the part of a row after midnight). */
    public boolean isOpen(Instant at) {
        if (alwaysOpen) {
            return true;
        }
        LocalDateTime local = LocalDateTime.ofInstant(at, Times.ZONE);
        for (LocalDateTime[] span : spansAround(local.toLocalDate())) {
            if (!local.isBefore(span[0]) && local.isBefore(span[1])) {
                return true;
            }
        }
        return false;
    }

    /** The next time it opens after {@code at} (within a week), or empty if it never opens or is always open. */
    public Optional<Instant> nextOpening(Instant at) {
        if (alwaysOpen || rows.isEmpty() && dated.stream().allMatch(Dated::closed)) {
            return Optional.empty();
        }
        LocalDateTime local = LocalDateTime.ofInstant(at, Times.ZONE);
        return spansAround(local.toLocalDate()).stream()
                .map(span -> span[0])
                .filter(start -> start.isAfter(local))
                .min(Comparator.naturalOrder())
                .map(start -> start.atZone(Times.ZONE).toInstant());
    }

    /** When it closes next if open now (empty when always open or closed). */
    public Optional<Instant> closesAt(Instant at) {
        if (alwaysOpen) {
            return Optional.empty();
        }
        LocalDateTime local = LocalDateTime.ofInstant(at, Times.ZONE);
        return spansAround(local.toLocalDate()).stream()
                .filter(span -> !local.isBefore(span[0]) && local.isBefore(span[1]))
                .map(span -> span[1])
                .max(Comparator.naturalOrder())
                .map(end -> end.atZone(Times.ZONE).toInstant());
    }

    /**
     * Opening spans (start, end) from the day before {@code date} to a week after it: the weekly rows, less
     * those starting on a closed date, plus the extra hours of dated entries.
     */
    List<LocalDateTime[]> spansAround(LocalDate date) {
        var spans = new ArrayList<LocalDateTime[]>();
        LocalDate first = date.minusDays(1);
        LocalDate last = date.plusDays(7);
        for (Row row : rows) {
            for (LocalDateTime[] span : row.spansAround(date)) {
                if (!closedOn(span[0].toLocalDate())) {
                    spans.add(span);
                }
            }
        }
        for (Dated d : dated) {
            if (!d.closed() && !d.date().isBefore(first) && !d.date().isAfter(last)) {
                spans.add(span(d.date(), d.opens(), d.closes()));
            }
        }
        return spans;
    }

    private boolean closedOn(LocalDate day) {
        return dated.stream().anyMatch(d -> d.closed() && d.date().equals(day));
    }

    static LocalDateTime[] span(LocalDate day, LocalTime opens, LocalTime closes) {
        LocalDateTime start = day.atTime(opens);
        LocalDateTime end = "23:59".equals(closes.toString()) ? day.plusDays(1).atStartOfDay()
                : !closes.isAfter(opens) ? day.plusDays(1).atTime(closes) : day.atTime(closes);
        return new LocalDateTime[] {start, end};
    }

    /**
     * An exception on one date: closed all day (no weekly hours start that day), or open these extra hours
     * (a closing time at or before the opening time runs past midnight). {@code note} says why, in plain words.
     */
    public record Dated(LocalDate date, boolean closed, LocalTime opens, LocalTime closes, String note) {

        public Dated {
            note = note == null ? "" : note.strip();
            if (!closed && (opens == null || closes == null)) {
                throw new IllegalArgumentException("Extra hours need an opening and a closing time");
            }
        }

        public static Dated closedOn(LocalDate date, String note) {
            return new Dated(date, true, null, null, note);
        }

        public static Dated extra(LocalDate date, LocalTime opens, LocalTime closes, String note) {
            return new Dated(date, false, opens, closes, note);
        }

        String describe() {
            return describe(Locale.ENGLISH);
        }

        String describe(Locale locale) {
            // "Friday 25 December"; in Polish "piątek 25 grudnia"
            String day = java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM", english(locale) ? Locale.UK : locale)
                    .format(date);
            String words = closed ? Texts.text(locale, "helpnow.hours.closedOn", day)
                    : Texts.text(locale, "helpnow.hours.row", day, Texts.text(locale, "helpnow.hours.times",
                            clock(opens, locale), clock(closes, locale)));
            return note.isEmpty() ? words : words + " (" + note + ")";
        }
    }

    /** Plain words, e.g. "Monday to Friday, 9am to 5pm; Saturday, 10am to 1pm". */
    public String describe() {
        return describe(Locale.ENGLISH);
    }

    /** The same in the language of {@code locale}: "Poniedziałek–piątek, 9:00–17:00". */
    public String describe(Locale locale) {
        if (alwaysOpen) {
            return Texts.text(locale, "helpnow.hours.always");
        }
        if (rows.isEmpty() && dated.isEmpty()) {
            return Texts.text(locale, "helpnow.hours.none");
        }
        String words = java.util.stream.Stream.concat(rows.stream().map(r -> r.describe(locale)),
                dated.stream().map(d -> d.describe(locale))).collect(Collectors.joining("; "));
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static boolean english(Locale locale) {
        return locale == null || "en".equals(locale.getLanguage());
    }

    /** Checks rows for mistakes a person can fix; returns kind messages (empty when fine). */
    public List<String> problems() {
        return problems("hours").stream().map(InputProblem::getMessage).toList();
    }

    /**
     * The same, each a problem for the form field {@code field} in the reader's language (the overlapping rows are
     * named as typed, in English words, since the hours are written that way).
     */
    public List<InputProblem> problems(String field) {
        var problems = new ArrayList<InputProblem>();
        for (Row row : rows) {
            if (row.days().isEmpty()) {
                problems.add(InputProblem.keyed(field, "helpnow.problem.noDay"));
            }
            if (row.opens().equals(row.closes())) {
                problems.add(InputProblem.keyed(field, "helpnow.problem.sameTimes", row.opens().toString()));
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            for (int j = i + 1; j < rows.size(); j++) {
                if (rows.get(i).overlaps(rows.get(j))) {
                    problems.add(InputProblem.keyed(field, "helpnow.problem.overlap", rows.get(i).describe(),
                            rows.get(j).describe()));
                }
            }
        }
        return problems;
    }

    public record Row(Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {

        public Row {
            days = days == null || days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        }

        public static Row of(String days, String opens, String closes) {
            return new Row(parseDays(days), LocalTime.parse(opens), LocalTime.parse(closes));
        }

        public boolean crossesMidnight() {
            return !closes.isAfter(opens);
        }

        /** Spans (start, end) that could contain a moment on {@code date}: rows starting yesterday or today. */
        List<LocalDateTime[]> spansAround(LocalDate date) {
            var spans = new ArrayList<LocalDateTime[]>();
            for (int offset = -1; offset <= 7; offset++) {
                LocalDate day = date.plusDays(offset);
                if (days.contains(day.getDayOfWeek())) {
                    spans.add(span(day, opens, closes));
                }
            }
            return spans;
        }

        boolean overlaps(Row other) {
            LocalDate monday = LocalDate.of(2024, 1, 1); // any Monday: compare one week of spans
            for (var a : spansAround(monday)) {
                for (var b : other.spansAround(monday)) {
                    if (a[0].isBefore(b[1]) && b[0].isBefore(a[1])) {
                        return true;
                    }
                }
            }
            return false;
        }

        public Duration length() {
            return crossesMidnight() ? Duration.between(opens, LocalTime.MAX).plus(Duration.between(LocalTime.MIN, closes)).plusNanos(1)
                    : Duration.between(opens, closes);
        }

        String describe() {
            return describe(Locale.ENGLISH);
        }

        String describe(Locale locale) {
            return Texts.text(locale, "helpnow.hours.row", dayWords(days, locale),
                    "00:00".equals(opens.toString()) && "23:59".equals(closes.toString())
                            ? Texts.text(locale, "helpnow.hours.allDay")
                            : Texts.text(locale, "helpnow.hours.times", clock(opens, locale), clock(closes, locale)));
        }

        private static Set<DayOfWeek> parseDays(String days) {
            var set = EnumSet.noneOf(DayOfWeek.class);
            for (String d : days.split("[,\\s]+")) {
                if (!d.isBlank()) {
                    set.add(day(d));
                }
            }
            return set;
        }
    }

    /** "MON", "Monday" or "mon" to a day. */
    public static DayOfWeek day(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(t.length() >= 3 ? t.substring(0, 3) : t)) {
                return d;
            }
        }
        throw new IllegalArgumentException("Not a day: " + text);
    }

    static String clock(LocalTime t) {
        return clock(t, Locale.ENGLISH);
    }

    /** English "9am", "8.30pm", "midnight", "midday"; other languages the 24-hour clock ("20:30"). */
    static String clock(LocalTime t, Locale locale) {
        if (!english(locale)) {
            return t.getHour() + ":" + String.format(Locale.ROOT, "%02d", t.getMinute());
        }
        int h = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        String ampm = t.getHour() < 12 ? "am" : "pm";
        if (t.getHour() == 0 && t.getMinute() == 0) {
            return "midnight";
        }
        if (t.getHour() == 12 && t.getMinute() == 0) {
            return "midday";
        }
        return t.getMinute() == 0 ? h + ampm : h + "." + String.format("%02d", t.getMinute()) + ampm;
    }

    static String dayWords(Set<DayOfWeek> days) {
        return dayWords(days, Locale.ENGLISH);
    }

    static String dayWords(Set<DayOfWeek> days, Locale locale) {
        if (days.size() == 7) {
            return Texts.text(locale, "helpnow.hours.everyDay");
        }
        var sorted = days.stream().sorted().toList();
        boolean consecutive = sorted.size() > 2
                && sorted.get(sorted.size() - 1).getValue() - sorted.get(0).getValue() == sorted.size() - 1;
        if (consecutive) {
            return Texts.text(locale, "helpnow.hours.days", name(sorted.get(0), locale), name(sorted.get(sorted.size() - 1), locale));
        }
        return sorted.stream().map(d -> name(d, locale)).collect(Collectors.joining(", "));
    }

    private static String name(DayOfWeek d, Locale locale) {
        return d.getDisplayName(java.time.format.TextStyle.FULL, english(locale) ? Locale.UK : locale);
    }

    /** Helper for "now" in the portal zone, for tests and views. */
    public static ZonedDateTime local(Instant at) {
        return at.atZone(Times.ZONE);
    }
}
