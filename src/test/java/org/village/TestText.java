package org.village;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Unique words for test posts and titles. Letters only: a random UUID in a post looks like a phone number to the
 * filters about one time in sixty ("2-324050148" inside "95f2-324050148d7b"), and such a post is rightly held.
 */
public final class TestText {

    private TestText() {
    }

    /** {@code count} random letters from a to p. */
    public static String letters(int count) {
        var random = ThreadLocalRandom.current();
        var sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            sb.append((char) ('a' + random.nextInt(16)));
        }
        return sb.toString();
    }

    /** {@code prefix}, a space and twelve random letters. */
    public static String unique(String prefix) {
        return prefix + " " + letters(12);
    }
}
