package org.village.shared.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splitting text into lower-case words the same way for queries and for the text searched. */
public final class Words {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?");

    /**
     * Little words that say nothing about what a parent is looking for. A search that must match every word
     * leaves these out, so "help for my son" does not need "for" and "my" in a service's text.
     */
    public static final Set<String> LITTLE = Set.of("a", "an", "and", "are", "am", "at", "be", "can", "do", "does",
            "for", "from", "get", "has", "have", "how", "i", "i'm", "im", "in", "is", "it", "me", "mean", "means", "my",
            "of", "on", "or", "our", "she", "he", "so", "the", "their", "they", "this", "to", "u", "ur", "we", "what",
            "whats", "what's", "when", "where", "who", "why", "will", "with", "you", "your");

    private Words() {
    }

    /** The words of a text, lower case, with curly apostrophes made straight ("child’s" is "child's"). */
    public static List<String> of(String text) {
        var words = new ArrayList<String>();
        if (text == null) {
            return words;
        }
        Matcher m = WORD.matcher(text.replace('\u2019', '\'').replace('\u2018', '\''));
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    /** The words that say what is wanted: {@link #of} without {@link #LITTLE} words. */
    public static List<String> telling(String text) {
        return of(text).stream().filter(w -> !LITTLE.contains(w)).toList();
    }
}
