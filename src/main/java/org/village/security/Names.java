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
            throw InputProblem.keyed("username", "security.problem.noUsername");
        }
        if (!USERNAME.matcher(u).matches()) {
            throw InputProblem.keyed("username", "security.problem.usernameShape");
        }
        return u;
    }

    /** Parents' display names are checked harder: no contact details, no staff-sounding names. */
    static String displayName(String raw, boolean staff) {
        String d = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (d.isEmpty()) {
            throw InputProblem.keyed("displayName", "security.problem.noName");
        }
        if (!DISPLAY.matcher(d).matches()) {
            throw InputProblem.keyed("displayName", "security.problem.nameShape");
        }
        if (!staff) {
            if (LOOKS_LIKE_CONTACT.matcher(d).find()) {
                throw InputProblem.keyed("displayName", "security.problem.nameContact");
            }
            if (RESERVED.contains(d.toLowerCase(Locale.ROOT))) {
                throw InputProblem.keyed("displayName", "security.problem.nameReserved");
            }
        }
        return d;
    }
}
