package org.village.content;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.village.shared.Texts;

/**
 * The editor's plain-language check: reading grade, long sentences, acronyms the jargon buster does not
 * explain, and phrases that blame a child or a parent. Pure and fast so it can run as the worker types.
 */
public final class PlainLanguageCheck {

    public static final double MAX_GRADE = 6.0;
    public static final int LONG_SENTENCE_WORDS = 25;
    private static final Pattern ACRONYM = Pattern.compile("\\b[A-Z][A-Z0-9]{1,9}s?\\b");
    // Everyday abbreviations a parent knows; anything else in capitals should be in the jargon buster.
    private static final Set<String> EVERYDAY = Set.of("UK", "OK", "TV", "AM", "PM", "ID", "I");

    /**
     * Phrases that blame a child or a parent, always checked on top of the admin-kept list (so an emptied or
     * old list still catches them). Whole words, any case. "It is not your fault" is kind, so a phrase right
     * after "not", "never" or "n't" is not flagged.
     */
    public static final List<String> ALWAYS_BLAMING = List.of("putting themselves at risk", "put themselves at risk",
            "puts themselves at risk", "prostitute", "prostitutes", "child prostitution", "lifestyle choice",
            "choosing this lifestyle", "chose this lifestyle", "your fault", "your own fault", "you should have",
            "you should've", "you shouldn't have", "you should not have", "bad parenting", "poor parenting",
            "bad parent", "bad mother", "bad father", "you let this happen", "you let them", "you allowed this",
            "you failed to", "you failed your", "asking for it", "brought it on", "consented", "promiscuous");
    // "You should have a copy" and "you should have been told" tell a parent their rights: not blame
    private static final Pattern RIGHTS_AFTER = Pattern.compile("^\\s+(?:a|an|the|your|been|received|got|heard|help|support|a say)\\b");
    private static final Pattern NEGATED = Pattern.compile("(?:\\bnot|\\bnever|n't|\\bno one's|\\bnobody's)\\s+(?:\\w+\\s+)?$");

    private PlainLanguageCheck() {
    }

    /** What the check found; {@link #problems()} is what the editor shows, in plain words. */
    public record Report(double grade, int words, int sentences, List<String> longSentences,
                         List<String> unknownAcronyms, List<String> blamingPhrases) {

        public boolean passes() {
            return grade <= MAX_GRADE && longSentences.isEmpty() && unknownAcronyms.isEmpty() && blamingPhrases.isEmpty();
        }

        public List<String> problems() {
            return problems(Locale.ENGLISH);
        }

        /** The problems in the words of {@code locale} (the editor shows them in the worker's interface language). */
        public List<String> problems(Locale locale) {
            Locale numbers = locale == null || "en".equals(locale.getLanguage()) ? Locale.UK : locale;
            var list = new ArrayList<String>();
            if (grade > MAX_GRADE) {
                list.add(Texts.text(locale, "content.check.grade", String.format(numbers, "%.1f", grade),
                        String.format(numbers, "%.0f", MAX_GRADE)));
            }
            for (String s : longSentences) {
                list.add(Texts.text(locale, "content.check.long", String.valueOf(Readability.wordCount(s)), shorten(s)));
            }
            if (!unknownAcronyms.isEmpty()) {
                list.add(Texts.text(locale, "content.check.acronyms", String.join(", ", unknownAcronyms)));
            }
            for (String p : blamingPhrases) {
                list.add(Texts.text(locale, "content.check.blaming", p));
            }
            return list;
        }

        private static String shorten(String s) {
            return s.length() <= 80 ? s : s.substring(0, 77) + "...";
        }
    }

    /**
     * @param glossaryForms every term and other name in the jargon buster
     * @param blamingPhrases the admin-kept list, matched as whole words in any case
     */
    public static Report check(String markdown, Collection<String> glossaryForms, Collection<String> blamingPhrases) {
        String text = MarkdownText.plain(markdown);
        var score = Readability.score(text);
        var longOnes = score.sentenceTexts().stream()
                .filter(s -> Readability.wordCount(s) > LONG_SENTENCE_WORDS).toList();
        var known = new java.util.HashSet<String>();
        glossaryForms.forEach(f -> known.add(f.strip()));
        var acronyms = new LinkedHashSet<String>();
        Matcher m = ACRONYM.matcher(text);
        while (m.find()) {
            String a = m.group();
            String singular = a.endsWith("s") ? a.substring(0, a.length() - 1) : a;
            if (!EVERYDAY.contains(singular) && !known.contains(a) && !known.contains(singular)
                    && !singular.chars().allMatch(Character::isDigit)) {
                acronyms.add(singular);
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        // typographic apostrophes count as plain ones ("shouldn’t")
        lower = lower.replace('\u2019', '\'');
        var blaming = new ArrayList<String>();
        var seen = new java.util.HashSet<String>();
        var all = new ArrayList<String>(blamingPhrases);
        all.addAll(ALWAYS_BLAMING);
        for (String phrase : all) {
            String p = phrase.strip().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
            if (!p.isEmpty() && seen.add(p) && blames(lower, p)) {
                blaming.add(phrase.strip());
            }
        }
        return new Report(score.grade(), score.words(), score.sentences(), longOnes, List.copyOf(acronyms), blaming);
    }

    /** True when the phrase is in the text at least once without "not" or "never" just before it. */
    private static boolean blames(String lower, String phrase) {
        Matcher m = Pattern.compile("(?<![\\w'])" + Pattern.quote(phrase) + "(?![\\w'])").matcher(lower);
        while (m.find()) {
            String before = lower.substring(Math.max(0, m.start() - 24), m.start());
            boolean rights = phrase.startsWith("you should") && RIGHTS_AFTER.matcher(lower.substring(m.end())).find();
            if (!NEGATED.matcher(before).find() && !rights) {
                return true;
            }
        }
        return false;
    }
}
