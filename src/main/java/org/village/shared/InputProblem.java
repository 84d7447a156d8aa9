package org.village.shared;

import java.util.Locale;

/**
 * A problem with what someone typed or asked for, told back to them kindly. It is always written for the person,
 * never for a developer.
 *
 * <p>New code names a translation key ({@link #keyed}); views show {@link #message(Locale)} in the reader's language.
 * {@link #getMessage()} is the English text, for the JSON API and for older code that still passes English words
 * directly (those constructors remain until every message has a key).
 */
public class InputProblem extends RuntimeException {
    private final String field;
    private final String key;
    private final transient Object[] args;

    public InputProblem(String message) {
        this(null, message);
    }

    public InputProblem(String field, String message) {
        super(message, null, false, false);
        this.field = field;
        this.key = null;
        this.args = new Object[0];
    }

    private InputProblem(String field, String key, Object[] args) {
        // the English words are made when first asked for (decision 105): most refusals are shown in the reader's
        // language, or only their key is looked at (the booking API's 409s), so making them for each refusal was waste
        super(null, null, false, false);
        this.field = field;
        this.key = key;
        this.args = args.clone();
    }

    /** The English text: as given, or the bundle's words for the key (made once, when first asked for). */
    @Override
    public String getMessage() {
        if (key == null) {
            return super.getMessage();
        }
        String english = this.english;
        if (english == null) {
            english = Texts.text(Locale.ENGLISH, key, args);
            this.english = english;
        }
        return english;
    }

    private transient volatile String english;

    /** A problem whose words are the interface bundle's {@code key}, with {0}, {1}… filled from {@code args}. */
    public static InputProblem keyed(String field, String key, Object... args) {
        return new InputProblem(field, key, args);
    }

    /** The form field the message belongs to, or null for the whole form. */
    public String field() {
        return field;
    }

    /** The bundle key, or null when the message was given as English words. */
    public String key() {
        return key;
    }

    /** The message in the reader's language (English when no key was given or the language has no bundle). */
    public String message(Locale locale) {
        return key == null ? getMessage() : Texts.text(locale, key, args);
    }
}
