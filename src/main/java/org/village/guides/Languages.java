package org.village.guides;

import java.util.List;
import java.util.Optional;

/**
 * The languages a guide can be translated into: those most spoken by Bristol families after English.
 * Each says its own name, so a reader who reads no English still finds theirs; right-to-left scripts
 * are marked so the page can turn round.
 */
public final class Languages {

    public record Language(String code, String name, boolean rightToLeft) {
    }

    public static final String ENGLISH = "en";

    public static final List<Language> ALL = List.of(
            new Language("en", "English", false),
            new Language("pl", "Polski", false),
            new Language("so", "Soomaali", false),
            new Language("ur", "اردو", true),
            new Language("ar", "العربية", true),
            new Language("ro", "Română", false));

    private Languages() {
    }

    public static Optional<Language> of(String code) {
        return ALL.stream().filter(l -> l.code().equals(code)).findFirst();
    }
}
