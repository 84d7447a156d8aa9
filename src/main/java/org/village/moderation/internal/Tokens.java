package org.village.moderation.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits text into words for matching, the same way for the lists (when a worker adds a phrase) and for posts, so
 * "Hasn't", "hasn’t" and "hasnt" are one word. Whole words only: "Scunthorpe" is one word and never contains
 * another. Also finds spaced-out letters ("s c a m", "s.c.a.m") and joins them.
 */
public final class Tokens {

    private static final int[] LEET = new int[128];
    private static final Pattern STRETCHED = Pattern.compile("(.)\\1{2,}");
    /** The longest spaced-out run looked at, in letters. */
    private static final int MAX_RUN = 24;

    static {
        LEET['0'] = 'o';
        LEET['1'] = 'i';
        LEET['3'] = 'e';
        LEET['4'] = 'a';
        LEET['5'] = 's';
        LEET['7'] = 't';
        LEET['@'] = 'a';
        LEET['$'] = 's';
        LEET['!'] = 'i';
        LEET['|'] = 'l';
    }

    private Tokens() {
    }

    /** The words of a text, with their places in it. */
    public static List<Token> of(String text) {
        var tokens = new ArrayList<Token>();
        var word = new StringBuilder();
        int start = -1;
        int end = -1;
        int gapStart = 0;
        boolean lineBreak = false;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            String folded = Folding.fold(cp);
            if (folded == null && !word.isEmpty() && next < text.length() && isLetter(text.codePointAt(next))) {
                if (Folding.apostrophe(cp)) {
                    folded = Folding.IGNORED;
                } else if (cp == '!' || cp == '|') {
                    // "$h!t", "sh|t": inside a word these stand for letters (see LEET)
                    folded = String.valueOf((char) cp);
                }
            }
            if (folded == null) {
                if (!word.isEmpty()) {
                    tokens.add(token(word.toString(), start, end, start - gapStart, lineBreak));
                    word.setLength(0);
                    gapStart = end;
                    lineBreak = false;
                }
                if (cp == '\n' || cp == '\r') {
                    lineBreak = true;
                }
            } else if (!folded.isEmpty()) {
                if (word.isEmpty()) {
                    start = i;
                }
                word.append(folded);
                end = next;
            }
            i = next;
        }
        if (!word.isEmpty()) {
            tokens.add(token(word.toString(), start, end, start - gapStart, lineBreak));
        }
        return tokens;
    }

    /**
     * The folded words of a phrase, as a list entry is stored and matched ("Hasn't come home" is "hasnt come home");
     * a {@code *} standing alone is kept: it matches any one word.
     */
    public static String normalise(String phrase) {
        var words = new ArrayList<String>();
        for (String part : (phrase == null ? "" : phrase).strip().split("\\s+")) {
            if (part.equals("*")) {
                words.add("*");
            } else {
                of(part).forEach(t -> words.add(t.form()));
            }
        }
        return String.join(" ", words);
    }

    private static boolean isLetter(int cp) {
        String f = Folding.fold(cp);
        return f != null && !f.isEmpty();
    }

    private static Token token(String form, int start, int end, int gap, boolean lineBreak) {
        return new Token(List.copyOf(forms(form)), start, end, gap, lineBreak);
    }

    /** The plain form, then readings with numbers as letters ("5c4m" as "scam") and stretched letters shortened. */
    static LinkedHashSet<String> forms(String form) {
        var forms = new LinkedHashSet<String>();
        forms.add(form);
        int letters = 0;
        boolean swaps = false;
        for (int i = 0; i < form.length(); i++) {
            char c = form.charAt(i);
            if (c >= 'a' && c <= 'z') {
                letters++;
            } else if (c < 128 && LEET[c] != 0) {
                swaps = true;
            }
        }
        // a road (A55, M25) or a time (10am) has one letter: only read numbers as letters among two or more
        if (swaps && letters >= 2) {
            forms.add(swap(form, 'i'));
            if (form.indexOf('1') >= 0) {
                forms.add(swap(form, 'l'));
            }
        }
        for (String f : List.copyOf(forms)) {
            if (STRETCHED.matcher(f).find()) {
                forms.add(STRETCHED.matcher(f).replaceAll("$1$1"));
                forms.add(STRETCHED.matcher(f).replaceAll("$1"));
            }
        }
        return forms;
    }

    private static String swap(String form, char one) {
        var out = new StringBuilder(form.length());
        for (int i = 0; i < form.length(); i++) {
            char c = form.charAt(i);
            out.append(c == '1' ? one : c < 128 && LEET[c] != 0 ? (char) LEET[c] : c);
        }
        return out.toString();
    }

    /**
     * The words again with every run of three or more spaced-out single letters ("s c a m", "s.c.a.m") joined into
     * one word. Returns the same list when there is no such run.
     */
    static List<Token> joined(List<Token> tokens) {
        List<Token> out = null;
        int i = 0;
        while (i < tokens.size()) {
            int j = runEnd(tokens, i);
            if (j - i >= 3) {
                if (out == null) {
                    out = new ArrayList<>(tokens.subList(0, i));
                }
                var word = new StringBuilder();
                for (int k = i; k < j; k++) {
                    word.append(tokens.get(k).form());
                }
                var first = tokens.get(i);
                out.add(new Token(List.copyOf(forms(word.toString())), first.start(), tokens.get(j - 1).end(),
                        first.gap(), first.lineBreak()));
                i = j;
            } else {
                if (out != null) {
                    out.add(tokens.get(i));
                }
                i++;
            }
        }
        return out == null ? tokens : out;
    }

    /** Each run of spaced-out single letters: every stretch of three or more of it, as one word and its range. */
    static List<Token> spacedStretches(List<Token> tokens) {
        var out = new ArrayList<Token>();
        int i = 0;
        while (i < tokens.size()) {
            int j = runEnd(tokens, i);
            if (j - i >= 3) {
                for (int a = i; a < j; a++) {
                    var word = new StringBuilder();
                    for (int b = a; b < j && b - a < MAX_RUN; b++) {
                        word.append(tokens.get(b).form());
                        if (b - a >= 2) {
                            out.add(new Token(List.copyOf(forms(word.toString())), tokens.get(a).start(),
                                    tokens.get(b).end(), 0, false));
                        }
                    }
                }
                i = j;
            } else {
                i++;
            }
        }
        return out;
    }

    /** Where a run of single letters starting at i ends (exclusive); i itself when tokens[i] is not one letter. */
    private static int runEnd(List<Token> tokens, int i) {
        if (!single(tokens.get(i))) {
            return i;
        }
        int j = i + 1;
        while (j < tokens.size() && single(tokens.get(j)) && tokens.get(j).gap() <= 3 && !tokens.get(j).lineBreak()) {
            j++;
        }
        return j;
    }

    private static boolean single(Token t) {
        return t.form().length() == 1;
    }
}
