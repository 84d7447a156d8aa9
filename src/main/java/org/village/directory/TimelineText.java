package org.village.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.village.shared.Texts;

/**
 * A team timeline line kept as bundle keys and their values (decision 068), so each reader sees it in their own
 * language: {@code directory.timeline.*} sentences, a status among the values shown as that status's words. Lines
 * written before this (plain English sentences) are shown as they are; a line whose keys would not fit the column is
 * kept as its English sentence.
 */
public final class TimelineText {

    private static final char KEYED = '\u0001';
    private static final char A_STATUS = '\u0002';
    private static final String PARTS = "\u001E";
    private static final String VALUES = "\u001F";
    static final int MAX = 300;

    private TimelineText() {
    }

    /** One sentence: a key under {@code directory.timeline.} and its values. */
    record Part(String key, String... values) {
    }

    static Part part(String key, String... values) {
        return new Part(key, values);
    }

    /** A status as a value: shown in the reader's language, in small letters. */
    static String status(TeamMember.Status status) {
        return A_STATUS + status.name().toLowerCase(Locale.ROOT);
    }

    /** The text to store: the keyed form, or the English sentences when the keyed form is too long. */
    static String of(Part... parts) {
        String keyed = KEYED + Arrays.stream(parts)
                .map(p -> p.key() + Arrays.stream(p.values()).map(v -> VALUES + clean(v)).collect(Collectors.joining()))
                .collect(Collectors.joining(PARTS));
        return keyed.length() <= MAX ? keyed : words(Locale.ENGLISH, keyed);
    }

    private static String clean(String value) {
        if (value != null && value.length() > 1 && value.charAt(0) == A_STATUS
                && Arrays.stream(TeamMember.Status.values()).anyMatch(s -> status(s).equals(value))) {
            return value;
        }
        // what a person typed never carries the separators
        return value == null ? "" : value.replaceAll("[\\u0001\\u0002\\u001E\\u001F]", "");
    }

    /** Whether the stored line is kept as keys (false for the plain English lines written before). */
    public static boolean keyed(String stored) {
        return stored != null && !stored.isEmpty() && stored.charAt(0) == KEYED;
    }

    /** The stored line in the reader's language. */
    public static String words(Locale locale, String stored) {
        if (!keyed(stored)) {
            return stored;
        }
        var sentences = new ArrayList<String>();
        for (String part : stored.substring(1).split(PARTS)) {
            var bits = part.split(VALUES, -1);
            List<Object> values = new ArrayList<>();
            for (int i = 1; i < bits.length; i++) {
                values.add(!bits[i].isEmpty() && bits[i].charAt(0) == A_STATUS
                        ? Texts.text(locale, "directory.status." + bits[i].substring(1)).toLowerCase(locale == null ? Locale.ENGLISH : locale)
                        : bits[i]);
            }
            sentences.add(Texts.text(locale, "directory.timeline." + bits[0], values.toArray()));
        }
        return String.join(" ", sentences);
    }
}
