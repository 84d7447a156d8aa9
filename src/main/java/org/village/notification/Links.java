package org.village.notification;

import java.util.regex.Pattern;

/**
 * Links in notifications point inside the portal only: a relative path such as {@code /team} or
 * {@code /notifications?x=1}. No scheme, no host ({@code //evil.example}), no backslashes, no spaces or control
 * characters, so a link can never take a parent to another site (decision 031's rule for links from data).
 */
public final class Links {
    private static final Pattern PORTAL_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9\\-._~/?=&%+]*");
    public static final int MAX = 300;

    private Links() {
    }

    public static boolean isPortalPath(String link) {
        return link != null && link.length() <= MAX && PORTAL_PATH.matcher(link).matches() && !link.contains("..")
                && !link.contains("//");
    }

    /** The link, or an IllegalArgumentException: a bad link is a mistake in the calling code, never a person's. */
    static String check(String link) {
        if (!isPortalPath(link)) {
            throw new IllegalArgumentException("a notification link must be a relative path inside the portal");
        }
        return link;
    }
}
