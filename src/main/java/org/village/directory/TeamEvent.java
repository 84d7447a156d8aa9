package org.village.directory;

import java.time.Instant;
import java.util.Locale;

/**
 * One line of a child's team timeline, in plain words ("CAMHS: now waiting to start (was referred)."): {@code text}
 * is the English, {@link #text(Locale)} the reader's language ({@code stored} is what the database holds).
 */
public record TeamEvent(Instant at, String text, String stored) {

    public TeamEvent(Instant at, String stored) {
        this(at, TimelineText.words(Locale.ENGLISH, stored), stored);
    }

    public String text(Locale locale) {
        return TimelineText.words(locale, stored);
    }
}
