package org.village.security;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.village.shared.InputProblem;

/** Rules for sign-in names and the pseudonymous names other people see. */
final class Names {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,60}");
    private static final Pattern DISPLAY = Pattern.compile("[\\p{L}\\p{M}0-9 '\\-.()]{2,40}");
    private static final Pattern LOOKS_LIKE_CONTACT = Pattern.compile("\\d{5,}|@");
    private static final Set<String> RESERVED = Set.of("admin", "administrator", "moderator", "worker", "village",
            "support", "staff", "system", "police", "social worker");

    private Names() {
    }

    static String username(String raw) {
        String u = raw == null ? "" : raw.strip();
        if (u.isEmpty()) {
            throw new InputProblem("username", "Please choose a sign-in name.");
        }
        if (!USERNAME.matcher(u).matches()) {
            throw new InputProblem("username",
                    "Your sign-in name can use letters, numbers, dots, dashes and underscores, 3 to 60 of them.");
        }
        return u;
    }

    /** Parents' display names are checked harder: no contact details, no staff-sounding names. */
    static String displayName(String raw, boolean staff) {
        String d = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (d.isEmpty()) {
            throw new InputProblem("displayName", "Please choose a name that other people will see.");
        }
        if (!DISPLAY.matcher(d).matches()) {
            throw new InputProblem("displayName",
                    "This name can have 2 to 40 letters, numbers, spaces, dashes or apostrophes.");
        }
        if (!staff) {
            if (LOOKS_LIKE_CONTACT.matcher(d).find()) {
                throw new InputProblem("displayName",
                        "Please do not put a phone number or email in your name. It keeps you safe.");
            }
            if (RESERVED.contains(d.toLowerCase(Locale.ROOT))) {
                throw new InputProblem("displayName", "That name is kept for staff. Please choose another one.");
            }
        }
        return d;
    }
}
