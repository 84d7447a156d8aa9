package org.village.shared.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Real British English words, from SCOWL's {@code wbritish} list (about 73,000 words; licence in
 * {@code search/british-english.LICENSE.txt}). A word on this list is never "corrected": "son", "polish" and
 * "start" are what the parent meant. Held as one sorted array (a few MB), read on first use.
 */
public final class EnglishWords {

    private static final String FILE = "/search/british-english.txt.gz";

    private EnglishWords() {
    }

    private static final class Holder {
        static final String[] WORDS = load();
    }

    /** True for a real English word, also with "'s" ("son's") or a plural "s" that the list leaves out. */
    public static boolean contains(String word) {
        if (word == null || word.isEmpty()) {
            return false;
        }
        String w = word.toLowerCase(java.util.Locale.ROOT).replace('\u2019', '\'');
        if (found(w)) {
            return true;
        }
        if (w.endsWith("'s") && found(w.substring(0, w.length() - 2))) {
            return true;
        }
        return w.endsWith("s'") && found(w.substring(0, w.length() - 1));
    }

    /** How many words the list holds (for tests and the benchmark notes). */
    public static int size() {
        return Holder.WORDS.length;
    }

    private static boolean found(String w) {
        return Arrays.binarySearch(Holder.WORDS, w) >= 0;
    }

    private static String[] load() {
        var in = EnglishWords.class.getResourceAsStream(FILE);
        if (in == null) {
            throw new IllegalStateException("The English word list " + FILE + " is missing from the build.");
        }
        var words = new ArrayList<String>(80_000);
        try (var reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    words.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] array = words.toArray(String[]::new);
        Arrays.sort(array);
        return array;
    }
}
