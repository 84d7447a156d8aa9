package org.village.moderation.internal;

import java.util.List;

/**
 * A word of the text as the matchers see it: its folded forms (the plain form first, then letter-for-number and
 * stretched-letter readings) and where it sits in the original text.
 *
 * @param gap characters between the previous word and this one (0 for the first)
 * @param lineBreak a line break in that gap
 */
record Token(List<String> forms, int start, int end, int gap, boolean lineBreak) {

    String form() {
        return forms.getFirst();
    }

    boolean is(String word) {
        return forms.contains(word);
    }
}
