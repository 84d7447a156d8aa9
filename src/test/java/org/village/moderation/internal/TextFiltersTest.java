package org.village.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.village.moderation.FindingKind;
import org.village.moderation.RiskKind;
import org.village.moderation.Verdict;
import org.village.moderation.Verdict.Outcome;
import org.village.shared.Texts;

/** Each filter with the lists a new portal ships: what it must catch, and the innocent words it must leave alone. */
class TextFiltersTest {

    private static final FilterEngine FILTERS = SeededLists.engine();

    private static Verdict check(String text) {
        return FILTERS.check(text, List.of("Jay"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Scunthorpe", "We moved to Essex", "She is top of her class", "The analysis was wrong",
            "The therapist was kind", "a cocktail on Saturday", "I'll ring at 10:30", "born in 2009", "It cost £12.50",
            "Church Road was busy", "Sussex and Middlesex", "assessment", "passed", "grassroots", "shitake mushrooms",
            "Dickens", "The A55 was shut", "see you at 4pm", "Childline is 0800 1111", "meeting on 12/03/2024",
            "We live near the station", "class act", "bass guitar", "Mark my words", "Sunday School"})
    void innocentWordsAndNumbersPass(String text) {
        var verdict = check(text);
        assertThat(verdict.outcome()).as(text + " -> " + verdict.findings()).isEqualTo(Outcome.ALLOWED);
        assertThat(verdict.text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"scam", "SCAM", "Scam!", "5c4m", "$cam", "s c a m", "s.c.a.m", "s-c-a-m", "sc\u200Bam",
            "s\u00ADcam", "\u0455\u0441\u0430m", "\uFF53\uFF43\uFF41\uFF4D", "scaaaam", "ＳＣＡＭ", "scám"})
    void watchedWordsAreFoundHoweverTheyAreDisguised(String text) {
        var verdict = check("This charity is a " + text + " honestly");
        assertThat(verdict.outcome()).as(text).isEqualTo(Outcome.HELD);
        assertThat(verdict.has(FindingKind.WATCHED_HOLD)).isTrue();
    }

    @Test
    void aMaskedWordIsReplacedAndNothingElseChanges() {
        String text = "What a load of sh1t, honestly \u2014 10:30 again.";
        var verdict = check(text);
        assertThat(verdict.outcome()).isEqualTo(Outcome.MASKED);
        assertThat(verdict.text()).isEqualTo("What a load of ***, honestly \u2014 10:30 again.");
        assertThat(verdict.publishNow()).isTrue();
        var finding = verdict.findings().getFirst();
        assertThat(finding.in(text)).isEqualTo("sh1t");
    }

    @Test
    void aBlockedWordCarriesTheReasonTheWorkerGave() {
        var verdict = check("She called her a slag");
        assertThat(verdict.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(verdict.publishNow()).isFalse();
        assertThat(verdict.blockedBy()).get().extracting(f -> f.reason()).asString().contains("shame");
        assertThat(verdict.hints(Locale.ENGLISH).getFirst()).startsWith("We cannot post this").contains("shame");
    }

    @Test
    void aFlaggedPostIsPublishedAndShownToAModerator() {
        var verdict = check("Your son is a snitch");
        assertThat(verdict.outcome()).isEqualTo(Outcome.FLAGGED);
        assertThat(verdict.publishNow()).isTrue();
        assertThat(verdict.needsModerator()).isTrue();
    }

    @Test
    void riskPhrasesMakeTheVerdictUrgentWithTheKind() {
        assertThat(check("my son hasn't come home since friday").risk()).isEqualTo(RiskKind.CHILD_MISSING);
        assertThat(check("He hasn’t come home").risk()).isEqualTo(RiskKind.CHILD_MISSING);
        assertThat(check("she's been missing since last night").risk()).isEqualTo(RiskKind.CHILD_MISSING);
        assertThat(check("I'm going to kill myself").risk()).isEqualTo(RiskKind.SELF_HARM);
        assertThat(check("I'm going to k1ll mys3lf").risk()).isEqualTo(RiskKind.SELF_HARM);
        assertThat(check("they said they'd hurt her").risk()).isEqualTo(RiskKind.THREAT);
        assertThat(check("He's got a knife").risk()).isEqualTo(RiskKind.DANGER_NOW);
        assertThat(check("my daughter is missing").risk()).isEqualTo(RiskKind.CHILD_MISSING);
        var urgent = check("The shit said they'd hurt her");
        assertThat(urgent.outcome()).as("urgent outranks everything else").isEqualTo(Outcome.URGENT);
        assertThat(urgent.publishNow()).isFalse();
    }

    @Test
    void riskPhrasesNeedTheirWholeWords() {
        assertThat(check("she was missing school a lot").outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(check("he came home at 3am").outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(check("I was scared but it got better").outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"07700 900123", "07700900123", "+44 7700 900123", "0161 496 0123", "020 7946 0958",
            "(0121) 496 0765", "07700-900-123", "0044 7700 900123", "0\u200B7700 900123", "\uFF10\uFF17\uFF17\uFF10\uFF10 900123"})
    void phoneNumbersAreHeld(String number) {
        String text = "Ring me on " + number + " tonight";
        var verdict = check(text);
        assertThat(verdict.outcome()).as(number).isEqualTo(Outcome.HELD);
        assertThat(verdict.findings(FindingKind.PHONE)).hasSize(1);
        assertThat(verdict.findings(FindingKind.PHONE).getFirst().in(text).strip()).isEqualTo(number);
        assertThat(verdict.text()).as("held text is kept whole").isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "10:30", "2009", "£12.50", "0800 1111", "101", "999", "3.99", "1030", "14/03/2024",
            "12.03.2024", "120 miles"})
    void numbersThatAreNotPhoneNumbersPass(String number) {
        assertThat(check("It was " + number + " in the end").has(FindingKind.PHONE)).as(number).isFalse();
    }

    @Test
    void emailAddressesAreHeldWrittenOrSpelledOut() {
        assertThat(check("email me at tracy.mum@example.com").findings(FindingKind.EMAIL)).hasSize(1);
        assertThat(check("carol (at) example dot com").findings(FindingKind.EMAIL)).hasSize(1);
        assertThat(check("I'll be at home dot later").has(FindingKind.EMAIL)).isFalse();
    }

    @Test
    void postcodesAreHeldButNotTimesOrRoads() {
        assertThat(check("We're in M14 5RF").findings(FindingKind.POSTCODE)).hasSize(1);
        assertThat(check("near sw1a 1aa").findings(FindingKind.POSTCODE)).hasSize(1);
        assertThat(check("see you b4 2pm").has(FindingKind.POSTCODE)).isFalse();
        assertThat(check("We're in M14 now").has(FindingKind.POSTCODE)).as("a district alone is an area").isFalse();
    }

    @Test
    void streetAddressesNeedAHouseNumber() {
        assertThat(check("We live at 12 Church Road").findings(FindingKind.STREET_ADDRESS)).hasSize(1);
        assertThat(check("we live at 22 park avenue").findings(FindingKind.STREET_ADDRESS)).hasSize(1);
        assertThat(check("Church Road was busy").has(FindingKind.STREET_ADDRESS)).isFalse();
        assertThat(check("I went to 2 family court hearings").has(FindingKind.STREET_ADDRESS)).isFalse();
        assertThat(check("I had 2 big road trips").has(FindingKind.STREET_ADDRESS)).isFalse();
    }

    @Test
    void schoolNamesFromTheListAndThatLookLikeASchoolAreHeld() {
        assertThat(check("He goes to Riverside Primary").findings(FindingKind.SCHOOL)).hasSize(1);
        assertThat(check("he goes to riverside primary").findings(FindingKind.SCHOOL)).hasSize(1);
        assertThat(check("She's at Westfield Academy").findings(FindingKind.SCHOOL)).hasSize(1);
        assertThat(check("She's at a special school now").has(FindingKind.SCHOOL)).isFalse();
        assertThat(check("The Academy said no").has(FindingKind.SCHOOL)).isFalse();
    }

    @Test
    void fullNamesAndTheWritersFamilyNamesAreHeld() {
        assertThat(check("Kayden Walsh got him into it").findings(FindingKind.FULL_NAME)).hasSize(1);
        assertThat(check("Connor O'Neill knows him").findings(FindingKind.FULL_NAME)).hasSize(1);
        assertThat(check("Jay did well today").findings(FindingKind.FULL_NAME)).as("a child from the writer's family").hasSize(1);
        assertThat(FILTERS.check("Jay did well today", List.of()).has(FindingKind.FULL_NAME)).as("someone else's family").isFalse();
        assertThat(check("Grace and patience").has(FindingKind.FULL_NAME)).isFalse();
        assertThat(check("Chloe said hello").has(FindingKind.FULL_NAME)).as("a first name alone").isFalse();
        assertThat(check("He hangs round Victoria Park Road").has(FindingKind.FULL_NAME)).isFalse();
    }

    @Test
    void findingsPointIntoTheOriginalTextEvenAfterInvisibleCharacters() {
        String text = "\u200B\u200Bcall 0\u200B7700 900123 or email a@b.co.uk";
        var verdict = check(text);
        assertThat(verdict.findings(FindingKind.PHONE).getFirst().in(text)).isEqualTo("0\u200B7700 900123");
        assertThat(verdict.findings(FindingKind.EMAIL).getFirst().in(text)).isEqualTo("a@b.co.uk");
    }

    @Test
    void aRightToLeftOverrideIsReadAsItIsShown() {
        // stored as "macs", shown as "scam"
        assertThat(check("what a \u202Emacs\u202C this is").has(FindingKind.WATCHED_HOLD)).isTrue();
    }

    @Test
    void everyKindHasAKindHintInEveryLanguage() {
        for (var kind : FindingKind.values()) {
            for (var locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("pl"))) {
                String hint = Texts.text(locale, kind.hintKey(), "");
                assertThat(hint).as(kind + " " + locale).isNotBlank().doesNotStartWith("!").doesNotContain(kind.hintKey());
            }
        }
        assertThat(check("Ring me on 07700 900123").hints(Locale.ENGLISH))
                .containsExactly("We hold back phone numbers so nobody can be found. You could write \"message me here\" instead.");
    }

    @Test
    void emptyTextIsAllowedAndNothingIsFound() {
        assertThat(check("").outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(check("   \u200B  ").findings()).isEmpty();
    }

    @Test
    void listPhrasesAreNormalisedLikePosts() {
        assertThat(Tokens.normalise("Hasn’t  come HOME")).isEqualTo("hasnt come home");
        assertThat(Tokens.normalise("my * is missing")).isEqualTo("my * is missing");
        for (var row : SeededLists.watched()) {
            assertThat(Tokens.normalise(row.phrase())).as(row.phrase()).isEqualTo(row.normalised());
        }
        for (var row : SeededLists.risks()) {
            assertThat(Tokens.normalise(row.phrase())).as(row.phrase()).isEqualTo(row.normalised());
        }
        for (var row : SeededLists.schools()) {
            assertThat(Tokens.normalise(row.phrase())).as(row.phrase()).isEqualTo(row.normalised());
        }
        assertThat(SeededLists.watched()).hasSizeGreaterThan(20);
        assertThat(SeededLists.risks()).hasSizeGreaterThan(40);
    }
}
