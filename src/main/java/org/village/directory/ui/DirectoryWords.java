package org.village.directory.ui;

import com.vaadin.flow.component.Component;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.village.directory.TeamMember;
import org.village.helpnow.OpeningHours;
import org.village.shared.Times;

/**
 * Words the directory pages build from data (ages, dates, a team entry's status, opening hours) in the reader's
 * language. English comes out exactly as before (UK dates, "9am to 5pm"); other languages get their own day and
 * month names and the 24-hour clock, with the joining words from the bundles ({@code directory.*}).
 */
final class DirectoryWords {

    private DirectoryWords() {
    }

    static boolean english(Locale locale) {
        return locale == null || "en".equals(locale.getLanguage());
    }

    static Locale dates(Locale locale) {
        return english(locale) ? Locale.UK : locale;
    }

    /** "1 December 2026" in English, "1 grudnia 2026" in Polish. */
    static String day(Locale locale, java.time.temporal.TemporalAccessor date) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", dates(locale)).format(date);
    }

    /** "1 Dec 2026, 09:30" in English (as everywhere else in Village), the long month name in other languages. */
    static String dateTime(Locale locale, Instant at) {
        if (english(locale) || at == null) {
            return Times.dateTime(at);
        }
        return DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale).withZone(Times.ZONE).format(at);
    }

    static String ages(Component c, Integer min, Integer max) {
        if (min != null && max != null) {
            return c.getTranslation("directory.ages.range", String.valueOf(min), String.valueOf(max));
        }
        return min != null ? c.getTranslation("directory.ages.from", String.valueOf(min))
                : c.getTranslation("directory.ages.upTo", String.valueOf(max));
    }

    /** How a parent reads the status of a service on the team. */
    static String status(Component c, TeamMember.Status status) {
        return c.getTranslation(statusKey(status));
    }

    static String statusKey(TeamMember.Status status) {
        return "directory.status." + status.name().toLowerCase(Locale.ROOT);
    }

    /** Plain words for opening hours, like "Monday to Friday, 9am to 5pm; Saturday, 10am to 1pm". */
    static String hours(Component c, Locale locale, OpeningHours hours) {
        if (hours.alwaysOpen()) {
            return c.getTranslation("directory.hours.always");
        }
        if (hours.rows().isEmpty() && hours.dated().isEmpty()) {
            return c.getTranslation("directory.hours.none");
        }
        return Stream.concat(hours.rows().stream().map(r -> row(c, locale, r)),
                hours.dated().stream().map(d -> dated(c, locale, d))).collect(Collectors.joining("; "));
    }

    private static String row(Component c, Locale locale, OpeningHours.Row row) {
        String days = days(c, locale, row.days());
        if ("00:00".equals(row.opens().toString()) && "23:59".equals(row.closes().toString())) {
            return c.getTranslation("directory.hours.allDay", days);
        }
        return c.getTranslation("directory.hours.row", days, clock(c, locale, row.opens()), clock(c, locale, row.closes()));
    }

    private static String dated(Component c, Locale locale, OpeningHours.Dated d) {
        Locale l = dates(locale);
        // "Friday 25 December"; Polish takes the month's "of" form ("25 grudnia")
        String day = d.date().getDayOfWeek().getDisplayName(TextStyle.FULL, l) + " " + d.date().getDayOfMonth() + " "
                + DateTimeFormatter.ofPattern("MMMM", l).format(d.date());
        String words = d.closed() ? c.getTranslation("directory.hours.closedOn", day)
                : c.getTranslation("directory.hours.row", day, clock(c, locale, d.opens()), clock(c, locale, d.closes()));
        return d.note().isEmpty() ? words : words + " (" + d.note() + ")";
    }

    private static String days(Component c, Locale locale, Set<DayOfWeek> days) {
        if (days.size() == 7) {
            return c.getTranslation("directory.hours.everyDay");
        }
        var sorted = days.stream().sorted().toList();
        boolean consecutive = sorted.size() > 2
                && sorted.getLast().getValue() - sorted.getFirst().getValue() == sorted.size() - 1;
        if (consecutive) {
            return c.getTranslation("directory.hours.dayRange", name(locale, sorted.getFirst()), name(locale, sorted.getLast()));
        }
        return sorted.stream().map(d -> name(locale, d)).collect(Collectors.joining(", "));
    }

    private static String name(Locale locale, DayOfWeek d) {
        return d.getDisplayName(TextStyle.FULL, dates(locale));
    }

    /** "9am", "5.30pm", "midday" in English; "9:00", "17:30" in other languages. */
    static String clock(Component c, Locale locale, LocalTime t) {
        if (t.getHour() == 0 && t.getMinute() == 0) {
            return c.getTranslation("directory.hours.midnight");
        }
        if (t.getHour() == 12 && t.getMinute() == 0) {
            return c.getTranslation("directory.hours.midday");
        }
        if (!english(locale)) {
            return DateTimeFormatter.ofPattern("H:mm", locale).format(t);
        }
        int h = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        String ampm = t.getHour() < 12 ? "am" : "pm";
        return t.getMinute() == 0 ? h + ampm : h + "." + String.format("%02d", t.getMinute()) + ampm;
    }
}
