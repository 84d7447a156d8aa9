package org.village.helpnow;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.village.shared.InputProblem;

/**
 * The one parser for opening hours as people type them (decision 058). One line each:
 * <ul>
 * <li>weekly hours: days then times, "Mon-Fri 09:00-17:00", "Mon, Tue, Wed 9:00-17:00", "SAT,SUN 00:00-23:59";
 * a closing time at or before the opening time runs past midnight ("Fri 19:00-02:00");</li>
 * <li>a closed date: "2026-12-25 closed", with an optional note ("2026-12-25 closed Christmas Day");</li>
 * <li>extra hours on a date: "2026-12-24 18:00-22:00", with an optional note.</li>
 * </ul>
 * A line it cannot read is a kind {@link InputProblem} on the {@code hours} field that quotes the line.
 * {@link #format} writes hours back in the same form, so what an admin saved is what they see again.
 */
public final class OpeningHoursParser {

    private static final String TIME = "(\\d{1,2}[:.]\\d{2})";
    private static final Pattern WEEKLY = Pattern.compile("^(.+?)\\s+" + TIME + "\\s*(?:-|–|to)\\s*" + TIME + "$");
    private static final Pattern DATED = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})\\s+(?:(closed)|" + TIME
            + "\\s*(?:-|–|to)\\s*" + TIME + ")(?:\\s+(.*))?$", Pattern.CASE_INSENSITIVE);

    private OpeningHoursParser() {
    }

    /** Reads the lines; {@code alwaysOpen} wins over any weekly lines (dated lines are kept for the record). */
    public static OpeningHours parse(boolean alwaysOpen, String text) {
        var rows = new ArrayList<OpeningHours.Row>();
        var dated = new ArrayList<OpeningHours.Dated>();
        for (String raw : (text == null ? "" : text).split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher d = DATED.matcher(line);
            if (d.matches()) {
                dated.add(dated(line, d));
                continue;
            }
            Matcher w = WEEKLY.matcher(line);
            if (!w.matches()) {
                throw InputProblem.keyed("hours", "helpnow.problem.hoursLine", line);
            }
            try {
                rows.add(new OpeningHours.Row(days(w.group(1)), time(w.group(2)), time(w.group(3))));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw InputProblem.keyed("hours", "helpnow.problem.hoursDays", line);
            }
        }
        return new OpeningHours(alwaysOpen, alwaysOpen ? List.of() : rows, dated);
    }

    /** Weekly lines only, for callers that keep "always open" apart. */
    public static List<OpeningHours.Row> rows(String text) {
        return parse(false, text).rows();
    }

    private static OpeningHours.Dated dated(String line, Matcher d) {
        try {
            LocalDate date = LocalDate.parse(d.group(1));
            String note = d.group(5);
            return d.group(2) != null ? OpeningHours.Dated.closedOn(date, note)
                    : OpeningHours.Dated.extra(date, time(d.group(3)), time(d.group(4)), note);
        } catch (DateTimeParseException e) {
            throw InputProblem.keyed("hours", "helpnow.problem.hoursDate", line);
        }
    }

    /** "Mon-Fri", "MON,TUE", "sat sun" or "Fri-Mon" (a range may wrap past Sunday). */
    static Set<DayOfWeek> days(String text) {
        var days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            String[] range = part.split("-|–");
            DayOfWeek from = OpeningHours.day(range[0]);
            DayOfWeek to = range.length > 1 ? OpeningHours.day(range[1]) : from;
            for (int n = from.getValue(); ; n = n % 7 + 1) {
                days.add(DayOfWeek.of(n));
                if (n == to.getValue()) {
                    break;
                }
            }
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("no days");
        }
        return days;
    }

    private static LocalTime time(String text) {
        String t = text.replace('.', ':');
        return LocalTime.parse(t.length() == 4 ? "0" + t : t);
    }

    /** The lines {@link #parse} reads back to the same hours. */
    public static String format(OpeningHours hours) {
        var lines = new ArrayList<String>();
        for (var row : hours.rows()) {
            lines.add(row.days().stream().sorted().map(d -> d.name().charAt(0) + d.name().substring(1, 3).toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", ")) + " " + row.opens() + "-" + row.closes());
        }
        for (var d : hours.dated()) {
            String when = d.closed() ? d.date() + " closed" : d.date() + " " + d.opens() + "-" + d.closes();
            lines.add(d.note().isEmpty() ? when : when + " " + d.note());
        }
        return String.join("\n", lines);
    }
}
