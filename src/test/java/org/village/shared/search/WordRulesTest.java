package org.village.shared.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The word rules every search uses: real words and known terms are never "corrected". */
class WordRulesTest {

    private static final List<String> SITE_TEXTS = List.of(
            "If your child is excluded from school. Exclusion from school and what you can do.",
            "Strategy meeting: a meeting of workers when they worry a child is at risk. Start here.",
            "When your child goes missing, call the police. Missing People can help.",
            "Don and Sam from the CAMHS team. CAMHS is child and adolescent mental health services.",
            "Cuckooing is when someone takes over a home to sell drugs. County lines.",
            "Counselling for young people. Free counselling and support.");

    private final WordRules rules = new WordRules(new Vocabulary(SITE_TEXTS), Synonyms.standard());

    @Test
    void realEnglishWordsAreNeverCorrectedEvenWhenASiteWordIsOneLetterAway() {
        // the bugs in the issue: son -> don, strat -> start, polish -> police
        assertThat(rules.correction("son")).isEmpty();
        assertThat(rules.correction("polish")).isEmpty();
        assertThat(rules.correction("strat")).isEmpty();
        assertThat(rules.corrected(List.of("my", "son", "is", "missing"))).isEmpty();
        assertThat(rules.corrected(List.of("polish", "speaking", "police"))).isEmpty();
        assertThat(rules.correction("stat")).isEmpty();
        assertThat(rules.correction("start")).isEmpty();
    }

    @Test
    void siteTermsShorthandAndNumbersAreKnown() {
        assertThat(rules.isKnown("camhs")).isTrue();
        assertThat(rules.isKnown("cuckooing")).isTrue();
        assertThat(rules.isKnown("strat")).isTrue();
        assertThat(rules.isKnown("bs5")).isTrue();
        assertThat(rules.isKnown("999")).isTrue();
        assertThat(rules.isKnown("son's")).isTrue();
        assertThat(rules.isKnown("child’s")).isTrue();
    }

    @Test
    void typosThatAreNotWordsFindTheSiteWordMeant() {
        assertThat(rules.correction("exlcuded")).contains("excluded");
        assertThat(rules.correction("scool")).contains("school");
        assertThat(rules.correction("stratergy")).contains("strategy");
        assertThat(rules.correction("mising")).contains("missing");
        assertThat(rules.correction("cahms")).contains("camhs");
        assertThat(rules.correction("counceling")).contains("counselling");
        assertThat(rules.correction("cuckoing")).contains("cuckooing");
        assertThat(rules.corrected(List.of("exlcuded", "from", "scool")))
                .contains(List.of("excluded", "from", "school"));
    }

    @Test
    void wordsFarFromAnythingAreLeftAlone() {
        assertThat(rules.correction("zxqvbn")).isEmpty();
        assertThat(rules.correction("abc")).isEmpty();
    }

    @Test
    void synonymsMakeSlotsAndLittleWordsDropOut() {
        var slots = rules.slots(Words.of("help for my social worker"));
        assertThat(slots).hasSize(2);
        assertThat(slots.get(0)).containsExactly("help");
        assertThat(slots.get(1)).contains("social worker", "social services", "children's services");
        assertThat(rules.slots(Words.of("strat meeting")).getFirst()).contains("strategy meeting");
        assertThat(rules.slots(Words.of("the a my"))).isEmpty();
    }

    @Test
    void everySlotMustStartAWordOfTheText() {
        String text = WordRules.padded("Free Counselling for young people in Bristol");
        assertThat(WordRules.matchesAll(text, List.of(Set.of("counsel")))).isTrue();
        assertThat(WordRules.matchesAll(text, List.of(Set.of("counselling"), Set.of("young")))).isTrue();
        assertThat(WordRules.matchesAll(text, List.of(Set.of("counselling"), Set.of("police")))).isFalse();
        // a slot inside a word does not count ("ling" is not a word start)
        assertThat(WordRules.matchesAll(text, List.of(Set.of("ling")))).isFalse();
        assertThat(WordRules.matchesAll(text, List.of())).isFalse();
    }

    @Test
    void wordsAreSplitAsParentsTypeThem() {
        assertThat(Words.of("My SON’s missing!! </script> 999")).containsExactly("my", "son's", "missing", "script", "999");
        assertThat(Words.of("\u2028\u200f<!-- onload=x")).containsExactly("onload", "x");
        assertThat(Words.telling("what does a CP plan mean")).containsExactly("cp", "plan");
    }

    @Test
    void theEnglishListIsTheFullSizeOne() {
        assertThat(EnglishWords.size()).isGreaterThan(60_000);
        assertThat(EnglishWords.contains("polish")).isTrue();
        assertThat(EnglishWords.contains("stratergy")).isFalse();
    }
}
