package org.village.guides;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Forgives misspellings in search ("exlcuded", "camhs", "strattegy"): a word we do not know is swapped for
 * the nearest word the guides and glossary use, by edit distance counting a swap of two letters as one
 * edit. Short words get one edit, longer ones two; ties go to the more common word.
 */
final class Spelling {

    private final Map<String, Integer> counts;
    private final Map<Integer, String[]> byLength = new HashMap<>();

    Spelling(Map<String, Integer> wordCounts) {
        this.counts = Map.copyOf(wordCounts);
        var grouped = new HashMap<Integer, java.util.List<String>>();
        counts.keySet().forEach(w -> grouped.computeIfAbsent(w.length(), k -> new java.util.ArrayList<>()).add(w));
        grouped.forEach((len, words) -> byLength.put(len, words.toArray(String[]::new)));
    }

    boolean knows(String word) {
        return counts.containsKey(word.toLowerCase(Locale.ROOT));
    }

    int size() {
        return counts.size();
    }

    /** The nearest known word, or empty when the word is known, too short, or nothing is close enough. */
    Optional<String> correct(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() < 3 || counts.containsKey(w)) {
            return Optional.empty();
        }
        int max = w.length() <= 4 ? 1 : 2;
        String best = null;
        int bestDistance = max + 1;
        int bestCount = 0;
        for (int len = w.length() - max; len <= w.length() + max; len++) {
            String[] words = byLength.get(len);
            if (words == null) {
                continue;
            }
            for (String candidate : words) {
                int d = distance(w, candidate, bestDistance);
                int count = counts.get(candidate);
                if (d < bestDistance || (d == bestDistance && d <= max && count > bestCount)) {
                    best = candidate;
                    bestDistance = d;
                    bestCount = count;
                }
            }
        }
        return bestDistance <= max ? Optional.of(best) : Optional.empty();
    }

    /** Optimal string alignment distance; stops early once every path exceeds {@code limit}. */
    static int distance(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > limit) {
            return limit + 1;
        }
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return d[n][m];
    }
}
