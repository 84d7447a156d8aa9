package org.village.moderation;

import java.util.Locale;
import org.village.shared.Texts;

/**
 * One thing a filter found: what kind, where in the original text ({@code start} inclusive, {@code end} exclusive,
 * UTF-16 offsets, so an editor can mark it), the risk kind for {@link FindingKind#RISK}, and for a blocked word the
 * reason a worker gave (shown to the writer as written).
 */
public record Finding(FindingKind kind, int start, int end, RiskKind risk, String reason) {

    public Finding {
        if (kind == null || start < 0 || end < start) {
            throw new IllegalArgumentException("kind and a range are needed");
        }
    }

    public static Finding of(FindingKind kind, int start, int end) {
        return new Finding(kind, start, end, null, null);
    }

    /** The words found, from the original text. */
    public String in(String original) {
        return original.substring(start, Math.min(end, original.length()));
    }

    /** A kind, plain-language suggestion for the writer, in their language. */
    public String hint(Locale locale) {
        if (kind == FindingKind.WATCHED_BLOCK) {
            return Texts.text(locale, kind.hintKey(), reason == null || reason.isBlank() ? "" : reason);
        }
        return Texts.text(locale, kind.hintKey());
    }
}
