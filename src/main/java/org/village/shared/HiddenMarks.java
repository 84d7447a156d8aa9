package org.village.shared;

import java.util.regex.Pattern;

/**
 * Invisible characters that change how text reads without being seen: direction overrides and isolates (which can
 * make "exe.txt" look like "txt.exe", or turn a note round in a worker's calendar), zero-width spaces and the
 * byte-order mark. They are taken out of what people type before it is kept. Joiners (U+200C, U+200D) and the
 * left-to-right and right-to-left marks stay: emoji and right-to-left languages need them.
 */
public final class HiddenMarks {

    public static final Pattern PATTERN = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069\\u200B\\u2060\\uFEFF]");

    /** Control characters other than new line and tab. */
    private static final Pattern CONTROLS = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

    private HiddenMarks() {
    }

    /** The text without hidden marks, with Windows line ends made plain; null stays null. */
    public static String strip(String text) {
        return text == null ? null : PATTERN.matcher(text.replace("\r\n", "\n")).replaceAll("");
    }

    /**
     * A short text as it is kept (a name, a title, a note): without hidden marks, without control characters other
     * than new line and tab, and without spaces at the ends; null becomes empty.
     */
    public static String clean(String text) {
        return text == null ? "" : CONTROLS.matcher(strip(text)).replaceAll("").strip();
    }
}
