package org.village.directory;

import java.util.Locale;
import java.util.regex.Pattern;
import org.village.shared.InputProblem;

/** UK postcodes: we only ever need the district ("BS5" from "bs5 6xx") to match areas. */
public final class Postcodes {

    private static final Pattern FULL = Pattern.compile("^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$");
    private static final Pattern DISTRICT = Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]?$");

    private Postcodes() {
    }

    /** The district of a full postcode or a district on its own; a kind problem otherwise. */
    public static String district(String field, String text) {
        String t = normal(text);
        var full = FULL.matcher(t);
        if (full.matches()) {
            return full.group(1);
        }
        if (DISTRICT.matcher(t).matches()) {
            return t;
        }
        throw InputProblem.keyed(field, "directory.problem.postcode");
    }

    /** A full postcode tidied to "BS5 6XX", or a kind problem. */
    public static String full(String field, String text) {
        var m = FULL.matcher(normal(text));
        if (!m.matches()) {
            throw InputProblem.keyed(field, "directory.problem.fullPostcode");
        }
        return m.group(1) + " " + m.group(2);
    }

    private static String normal(String text) {
        return text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
