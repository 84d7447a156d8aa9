package org.village.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hostile text to put through every field and address parameter a person or an import can set. Each
 * script-shaped entry sets {@code window.__pwned} when it runs, so a test asks the browser whether it is
 * still undefined. None of this may run, break the page or hide its Exit button; all of it is shown as text.
 */
public final class Hostile {

    /** Ends Vaadin's inline script early and starts one of its own (the critical case in issue 8). */
    public static final String SCRIPT_END = "</script><script>window.__pwned=1</script>";
    /** Starts an HTML comment, which can swallow the real end of the script that follows. */
    public static final String COMMENT_START = "<!--";
    public static final String SCRIPT = "<script>window.__pwned=1</script>";
    public static final String EVENT_HANDLER = "<img src=x onerror=window.__pwned=1>";
    /** Breaks out of a quoted HTML attribute. */
    public static final String ATTRIBUTE = "\" onmouseover=\"window.__pwned=1";
    /** Line and paragraph separators: line ends in older JavaScript, though legal in JSON. */
    public static final String LINE_SEPARATORS = "line\u2028para\u2029end";
    public static final String JAVASCRIPT_URL = "javascript:window.__pwned=1";
    /** A right-to-left mark and a right-to-left override, which can make text read backwards. */
    public static final String RIGHT_TO_LEFT = "\u200Fright\u202Eto left\u202C";

    /** Every entry, by a short name for test reports. */
    public static final Map<String, String> BY_NAME;

    static {
        var m = new LinkedHashMap<String, String>();
        m.put("script end", SCRIPT_END);
        m.put("comment start", COMMENT_START);
        m.put("script", SCRIPT);
        m.put("event handler", EVENT_HANDLER);
        m.put("attribute", ATTRIBUTE);
        m.put("line separators", LINE_SEPARATORS);
        m.put("javascript url", JAVASCRIPT_URL);
        m.put("right to left", RIGHT_TO_LEFT);
        BY_NAME = java.util.Collections.unmodifiableMap(m);
    }

    public static final List<String> ALL = List.copyOf(BY_NAME.values());

    /**
     * All entries in one text, the script end first: fields that take a longer text get them all at once.
     * The comment start comes before a second script end, as it would in an attack that hides the page's
     * own end of script.
     */
    public static final String EVERYTHING = String.join(" ", ALL) + " " + SCRIPT_END;

    /** A part of {@link #EVERYTHING} that must be visible, character for character, as text on the page. */
    public static final String VISIBLE_MARK = EVENT_HANDLER;

    private Hostile() {
    }
}
