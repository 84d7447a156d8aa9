package org.village.booking;

import java.util.Locale;
import java.util.regex.Pattern;
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
        String first = displayName.strip().split("[\\s(]+", 2)[0];
        return first.replaceAll("[^\\p{L}\\p{M}'’-]", "");
    }

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
}
