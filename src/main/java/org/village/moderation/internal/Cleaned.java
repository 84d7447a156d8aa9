package org.village.moderation.internal;

import com.ibm.icu.text.Normalizer2;

/**
 * The text with invisible characters taken out and full-width or styled digits and letters made plain (one
 * character for one), so patterns for phone numbers, e-mails and postcodes see "07700 900123" however it was typed.
 * Remembers where each character came from, so findings point into the original text.
 */
final class Cleaned {

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

    final String text;
    private final int[] from;
    private final int[] to;

    private Cleaned(String text, int[] from, int[] to) {
        this.text = text;
        this.from = from;
        this.to = to;
    }

    static Cleaned of(String original) {
        var out = new StringBuilder(original.length());
        var from = new int[original.length()];
        var to = new int[original.length()];
        int n = 0;
        for (int i = 0; i < original.length(); ) {
            int cp = original.codePointAt(i);
            int len = Character.charCount(cp);
            if (cp >= 128 && Folding.invisible(cp)) {
                i += len;
                continue;
            }
            if (cp >= 128) {
                String plain = NFKC.normalize(new String(Character.toChars(cp)));
                if (plain.length() == 1 && plain.charAt(0) < 128) {
                    from[n] = i;
                    to[n++] = i + len;
                    out.append(plain.charAt(0));
                    i += len;
                    continue;
                }
            }
            for (int k = 0; k < len; k++) {
                from[n] = i + k;
                to[n++] = i + k + 1;
                out.append(original.charAt(i + k));
            }
            i += len;
        }
        return new Cleaned(out.toString(), from, to);
    }

    /** Where the cleaned character at this index starts in the original text. */
    int start(int cleanedIndex) {
        return from[cleanedIndex];
    }

    /** The original end (exclusive) of a cleaned range ending (exclusive) here. */
    int end(int cleanedEnd) {
        return to[cleanedEnd - 1];
    }
}
