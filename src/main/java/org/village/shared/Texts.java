package org.village.shared;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The interface bundles ({@code vaadin-i18n/translations*.properties}, decision 065) read outside a Vaadin view:
 * for service messages ({@link InputProblem}), e-mails and API errors. Views use {@code getTranslation} instead.
 */
public final class Texts {
    private static final String BUNDLE = "vaadin-i18n/translations";

    private Texts() {
    }

    /** The text for {@code key} in {@code locale} (English when that language has no bundle), {0}… filled in. */
    public static String text(Locale locale, String key, Object... args) {
        Locale wanted = locale == null ? Locale.ENGLISH : locale;
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, wanted, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException missing) {
            try {
                pattern = ResourceBundle.getBundle(BUNDLE, Locale.ROOT).getString(key);
            } catch (MissingResourceException none) {
                // BundlesCompleteTest makes this unreachable for keys in the code; never show a raw key to a parent
                return key;
            }
        }
        if (args.length == 0) {
            return pattern;
        }
        // a parsed MessageFormat per pattern and language, kept (decision 105: parsing one for each message was a few
        // per cent of a refused booking); MessageFormat is not safe to share between threads, so each use has a copy
        var parsed = FORMATS.get(new FormatKey(pattern, wanted));
        if (parsed == null) {
            parsed = new MessageFormat(pattern, wanted);
            if (FORMATS.size() < MAX_FORMATS) {
                FORMATS.put(new FormatKey(pattern, wanted), parsed);
            }
        }
        return ((MessageFormat) parsed.clone()).format(args);
    }

    private static final int MAX_FORMATS = 5_000;
    private static final java.util.concurrent.ConcurrentHashMap<FormatKey, MessageFormat> FORMATS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private record FormatKey(String pattern, Locale locale) {
    }
}
