package org.village.moderation.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list of words and phrases (each a sequence of folded words, {@code *} standing for any one word) found in text
 * word by word: a phrase matches only whole words, so "class" never matches "ass". Looks up each word of the text
 * in a hash of first words, so a long post costs about one look-up per word.
 *
 * @param <T> what each phrase stands for (a watched word with its action, a risk kind, a school)
 */
final class PhraseIndex<T> {

    /** A phrase found: what it stands for and where it is in the original text. */
    record Hit<T>(T value, int start, int end) {
    }

    private record Entry<T>(String[] words, T value) {
    }

    private final Map<String, List<Entry<T>>> byFirstWord = new HashMap<>();
    private int size;

    /** Adds a phrase given as folded words separated by single spaces (see {@link Tokens#normalise}). */
    void add(String normalised, T value) {
        if (normalised == null || normalised.isBlank()) {
            return;
        }
        String[] words = normalised.split(" ");
        if (words[0].equals("*")) {
            return;
        }
        byFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>()).add(new Entry<>(words, value));
        size++;
    }

    int size() {
        return size;
    }

    /** Every phrase found in the text's words, also when spelled out with spaces or dots between the letters. */
    List<Hit<T>> find(List<Token> tokens) {
        if (size == 0 || tokens.isEmpty()) {
            return List.of();
        }
        var hits = new ArrayList<Hit<T>>();
        var seen = new HashSet<String>();
        scan(tokens, hits, seen);
        var joined = Tokens.joined(tokens);
        if (joined != tokens) {
            scan(joined, hits, seen);
            for (Token stretch : Tokens.spacedStretches(tokens)) {
                scan(List.of(stretch), hits, seen);
            }
        }
        return hits;
    }

    private void scan(List<Token> tokens, List<Hit<T>> hits, Set<String> seen) {
        for (int i = 0; i < tokens.size(); i++) {
            for (String form : tokens.get(i).forms()) {
                var entries = byFirstWord.get(form);
                if (entries == null) {
                    continue;
                }
                for (var entry : entries) {
                    int last = matchFrom(tokens, i, entry.words());
                    if (last >= 0) {
                        var hit = new Hit<>(entry.value(), tokens.get(i).start(), tokens.get(last).end());
                        if (seen.add(hit.start() + ":" + hit.end() + ":" + System.identityHashCode(entry))) {
                            hits.add(hit);
                        }
                    }
                }
            }
        }
    }

    /** The index of the last word matched, or -1. */
    private static int matchFrom(List<Token> tokens, int i, String[] words) {
        if (i + words.length > tokens.size()) {
            return -1;
        }
        for (int k = 1; k < words.length; k++) {
            var token = tokens.get(i + k);
            if (!words[k].equals("*") && !token.is(words[k])) {
                return -1;
            }
        }
        return i + words.length - 1;
    }
}
