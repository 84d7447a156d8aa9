package org.village.booking;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;
import org.village.shared.Times;
import org.village.shared.InputProblem;
import org.village.shared.Texts;

/**
 * The words outsiders may see: e-mail subjects and calendar titles (decision 072, 091). By default "Meeting with Sam"
 * (the worker's first name and nothing else); a family may choose its own words instead. Never the service's purpose.
 */
public final class Wording {

    public static final int MAX_OWN = 60;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Zl}\\p{Zp}]");

    private Wording() {
    }

    /** "Sam (family support)" gives "Sam": the first word, letters, hyphens and apostrophes only. */
    public static String firstName(String displayName) {
        if (displayName == null) {
            return "";
        }
        // patterns compiled once (decision 105: this runs for every booking's answer and every e-mail)
        String first = FIRST_WORD_END.split(displayName.strip(), 2)[0];
        return NOT_IN_A_NAME.matcher(first).replaceAll("");
    }

    private static final java.util.regex.Pattern FIRST_WORD_END = java.util.regex.Pattern.compile("[\\s(]+");
    private static final java.util.regex.Pattern NOT_IN_A_NAME = java.util.regex.Pattern.compile("[^\\p{L}\\p{M}'’-]");

    /** The title a calendar and a subject show: the family's own words if they chose some, else the discreet default. */
    public static String title(String ownWording, String workerDisplayName, Locale locale) {
        if (ownWording != null && !ownWording.isBlank()) {
            return ownWording.strip();
        }
        String name = firstName(workerDisplayName);
        return name.isEmpty() ? Texts.text(locale, "booking.title.plain")
                : Texts.text(locale, "booking.title.meeting", name);
    }

    /**
     * Checks a family's own wording: blank means "use the default" (null); otherwise one short line of plain text.
     *
     * @throws InputProblem (field {@code wording}) when it is too long or holds line breaks or control characters
     */
    public static String checkOwn(String wording) {
        if (wording == null || wording.isBlank()) {
            return null;
        }
        String w = wording.strip();
        if (w.length() > MAX_OWN) {
            throw InputProblem.keyed("wording", "booking.problem.wordingLong", MAX_OWN);
        }
        if (CONTROL.matcher(w).find()) {
            throw InputProblem.keyed("wording", "booking.problem.wordingLine");
        }
        return w;
    }

    /**
     * When a session is, as a parent reads it, always with the weekday, in Europe/London: "Tuesday 8 December, 4pm to
     * 5pm" ("4:30pm" when not on the hour); the year only when it is not this year ({@code thisYear}). Polish:
     * "wtorek 8 grudnia, 16:00–17:00".
     */
    public static String when(Instant start, Instant end, Locale locale, int thisYear) {
        if (start == null) {
            return "";
        }
        var s = start.atZone(Times.ZONE);
        String day = day(s, locale, thisYear);
        if (end == null) {
            return Texts.text(locale, "booking.polish.moment", day, time(s, locale));
        }
        var e = end.atZone(Times.ZONE);
        String from = time(s, locale);
        String to = e.toLocalDate().equals(s.toLocalDate()) ? time(e, locale)
                : Texts.text(locale, "booking.polish.moment", day(e, locale, thisYear), time(e, locale));
        return Texts.text(locale, "booking.polish.when", day, from, to);
    }

    /** A moment with its weekday, for a deadline: "Tuesday 8 December, 4pm" ("wtorek 8 grudnia, 16:00"). */
    public static String moment(Instant at, Locale locale, int thisYear) {
        return when(at, null, locale, thisYear);
    }

    private static boolean english(Locale locale) {
        return locale == null || "en".equals(locale.getLanguage());
    }

    /** A day with its weekday, for a heading: "Tuesday 8 December" ("wtorek 8 grudnia"). */
    public static String day(Instant at, Locale locale, int thisYear) {
        return at == null ? "" : day(at.atZone(Times.ZONE), locale, thisYear);
    }

    private static String day(ZonedDateTime t, Locale locale, int thisYear) {
        Locale l = english(locale) ? Locale.UK : locale;
        String pattern = t.getYear() == thisYear ? "EEEE d MMMM" : "EEEE d MMMM yyyy";
        return DateTimeFormatter.ofPattern(pattern, l).format(t);
    }

    /** "4pm", "4:30pm" in English (a 12-hour clock reads more easily); "16:00" elsewhere. */
    private static String time(ZonedDateTime t, Locale locale) {
        if (!english(locale)) {
            return DateTimeFormatter.ofPattern("HH:mm", locale).format(t);
        }
        int h = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        String suffix = t.getHour() < 12 ? "am" : "pm";
        return t.getMinute() == 0 ? h + suffix : h + ":" + String.format(Locale.ROOT, "%02d", t.getMinute()) + suffix;
    }
}
