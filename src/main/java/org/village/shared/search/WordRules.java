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

    public Synonyms synonyms() {
        return synonyms;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }
}
