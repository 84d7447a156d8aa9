package org.village.shared.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parents' words for workers' words, from {@code search/synonyms.txt}: a line {@code a, b, c} makes the words or
 * short phrases mean the same; {@code strat => strategy} makes a shorthand find the full word (not the other way).
 */
public final class Synonyms {

    private static final Synonyms DEFAULT = load("/search/synonyms.txt");

    /** Phrase (words joined by one space) to everything it may also be written as. */
    private final Map<String, Set<String>> alternatives;
    private final Set<String> words = new HashSet<>();
    private final int longest;

    Synonyms(List<String> lines) {
        var map = new HashMap<String, Set<String>>();
        for (String raw : lines) {
            String line = raw.contains("#") ? raw.substring(0, raw.indexOf('#')) : raw;
            if (line.isBlank()) {
                continue;
            }
            boolean oneWay = line.contains("=>");
            List<String> from = phrases(oneWay ? line.substring(0, line.indexOf("=>")) : line);
            List<String> to = oneWay ? phrases(line.substring(line.indexOf("=>") + 2)) : from;
            for (String f : from) {
                var set = map.computeIfAbsent(f, k -> new LinkedHashSet<>(List.of(k)));
                set.addAll(to);
            }
            from.forEach(p -> words.addAll(Words.of(p)));
            to.forEach(p -> words.addAll(Words.of(p)));
        }
        this.alternatives = map;
        this.longest = map.keySet().stream().mapToInt(p -> p.split(" ").length).max().orElse(1);
    }

    public static Synonyms standard() {
        return DEFAULT;
    }

    /** True when the word is one of the listed words (a shorthand like "strat" is then not a typo). */
    public boolean knows(String word) {
        return words.contains(word);
    }

    /**
     * The query cut into slots: each slot is one word, or a listed phrase, with every way to write it (the first
     * is what was typed). Little words ({@link Words#LITTLE}) that are not part of a listed phrase are left out.
     */
    public List<Set<String>> slots(List<String> queryWords) {
        var slots = new ArrayList<Set<String>>();
        int i = 0;
        while (i < queryWords.size()) {
            Set<String> found = null;
            int length = 0;
            for (int n = Math.min(longest, queryWords.size() - i); n >= 1 && found == null; n--) {
                String phrase = String.join(" ", queryWords.subList(i, i + n));
                if (alternatives.containsKey(phrase)) {
                    found = alternatives.get(phrase);
                    length = n;
                }
            }
            if (found != null) {
                slots.add(found);
                i += length;
            } else {
                String w = queryWords.get(i);
                if (!Words.LITTLE.contains(w)) {
                    var one = new LinkedHashSet<String>();
                    one.add(w);
                    slots.add(one);
                }
                i++;
            }
        }
        return slots;
    }

    /** Every other word the listed phrases in the query bring in ("social worker" brings "services", "care"...). */
    public Set<String> extraWords(List<String> queryWords) {
        var typed = new HashSet<>(queryWords);
        var extra = new LinkedHashSet<String>();
        for (Set<String> slot : slots(queryWords)) {
            slot.forEach(p -> Words.of(p).stream().filter(w -> !typed.contains(w)).forEach(extra::add));
        }
        return extra;
    }

    private static List<String> phrases(String part) {
        var list = new ArrayList<String>();
        for (String p : part.split(",")) {
            String phrase = String.join(" ", Words.of(p));
            if (!phrase.isEmpty()) {
                list.add(phrase);
            }
        }
        return list;
    }

    static Synonyms load(String resource) {
        var in = Synonyms.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("The synonyms file " + resource + " is missing from the build.");
        }
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return new Synonyms(reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
