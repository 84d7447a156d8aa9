package org.village.shared.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a typed word may be swapped for another. Never when it is a real English word ("son", "polish"), a word
 * the site itself uses ("camhs", "cuckooing"), a listed shorthand ("strat"), a number, or shorter than four
 * letters. Only then is it a typo, and only then does {@link Vocabulary#nearest} get a say.
 */
public final class WordRules {

    private final Vocabulary vocabulary;
    private final Synonyms synonyms;

    public WordRules(Vocabulary vocabulary, Synonyms synonyms) {
        this.vocabulary = vocabulary;
        this.synonyms = synonyms;
    }

    public boolean isKnown(String word) {
        return word.length() < 4 || word.chars().anyMatch(Character::isDigit) || vocabulary.contains(word)
                || synonyms.knows(word) || EnglishWords.contains(word);
    }

    /** The word meant, when this one is a typo and the vocabulary has a near word; empty otherwise. */
    public Optional<String> correction(String word) {
        return isKnown(word) ? Optional.empty() : vocabulary.nearest(word);
    }

    /** The words with every typo corrected, or empty when no word needed it. */
    public Optional<List<String>> corrected(List<String> words) {
        var out = new ArrayList<String>(words.size());
        boolean changed = false;
        for (String w : words) {
            var better = correction(w);
            changed |= better.isPresent();
            out.add(better.orElse(w));
        }
        return changed ? Optional.of(out) : Optional.empty();
    }

    /** A query's slots (see {@link Synonyms#slots}): every one must be found for a text to match. */
    public List<java.util.Set<String>> slots(List<String> words) {
        return synonyms.slots(words);
    }

    /** A text's words between single spaces, with a space at each end, for {@link #matchesAll}. */
    public static String padded(String text) {
        return " " + String.join(" ", Words.of(text)) + " ";
    }

    /**
     * True when every slot has a way of writing it that starts a word of the text ("counsel" finds "counselling",
     * "social worker" finds "social workers"); false when there are no slots.
     */
    public static boolean matchesAll(String padded, List<java.util.Set<String>> slots) {
        if (slots.isEmpty()) {
            return false;
        }
        for (var slot : slots) {
            boolean found = false;
            for (String alternative : slot) {
                if (padded.contains(" " + alternative)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    public Synonyms synonyms() {
        return synonyms;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }
}
