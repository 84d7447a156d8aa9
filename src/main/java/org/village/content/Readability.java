package org.village.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flesch-Kincaid grade of plain text, computed the same way the seeded guides were checked, so "grade 6"
 * means the same here as in the content team's notes. Sentences end at . ! ? and at every line end.
 */
public final class Readability {

    static final Pattern WORD = Pattern.compile("[A-Za-z]+('[A-Za-z]+)?");
    private static final Pattern VOWELS = Pattern.compile("[aeiouy]+");

    private Readability() {
    }

    /** The figures for a text; an empty text scores 0. */
    public record Score(int words, int sentences, int syllables, double grade, List<String> sentenceTexts) {
        public double wordsPerSentence() {
            return sentences == 0 ? 0 : (double) words / sentences;
        }
    }

    public static Score score(String plainText) {
        int words = 0;
        int syllables = 0;
        var sentences = new ArrayList<String>();
        for (String line : plainText.split("\\R")) {
            for (String sentence : line.split("[.!?]+")) {
                Matcher m = WORD.matcher(sentence);
                boolean any = false;
                while (m.find()) {
                    any = true;
                    words++;
                    syllables += syllables(m.group());
                }
                if (any) {
                    sentences.add(sentence.strip());
                }
            }
        }
        double grade = words == 0 || sentences.isEmpty() ? 0
                : 0.39 * ((double) words / sentences.size()) + 11.8 * ((double) syllables / words) - 15.59;
        return new Score(words, sentences.size(), syllables, grade, sentences);
    }

    public static int syllables(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.length() <= 3) {
            return 1;
        }
        if (w.endsWith("e") && !w.endsWith("le")) {
            w = w.substring(0, w.length() - 1);
        }
        if ((w.endsWith("es") || w.endsWith("ed")) && !w.endsWith("ted") && !w.endsWith("ded")) {
            w = w.substring(0, w.length() - 2);
        }
        Matcher m = VOWELS.matcher(w);
        int count = 0;
        while (m.find()) {
            count++;
        }
        return Math.max(1, count);
    }

    public static int wordCount(String sentence) {
        Matcher m = WORD.matcher(sentence);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
