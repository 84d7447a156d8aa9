package org.village.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.village.shared.InputProblem;

/** Subjects and calendar titles are discreet by default, and a family's own words are kept as they chose. */
class WordingTest {

    /** Words an outsider reading a subject or calendar must never see (decision 072). */
    static final List<String> NEVER = List.of("exploit", "abuse", "police", "grooming", "county lines", "crime",
            "family support", "village", "therapy", "counselling");

    @Test
    void theDefaultIsAMeetingWithTheWorkersFirstNameOnly() {
        String title = Wording.title(null, "Sam (family support)", Locale.ENGLISH);
        assertThat(title).isEqualTo("Meeting with Sam");
        assertThat(NEVER).noneMatch(w -> title.toLowerCase(Locale.ROOT).contains(w));
        assertThat(Wording.title("  ", "Sam (family support)", Locale.forLanguageTag("pl"))).isEqualTo("Spotkanie z Sam");
    }

    @Test
    void withoutAWorkerNameItIsJustAMeeting() {
        assertThat(Wording.title(null, null, Locale.ENGLISH)).isEqualTo("Meeting");
        assertThat(Wording.title(null, "((()))", Locale.ENGLISH)).isEqualTo("Meeting");
    }

    @Test
    void aFamilysOwnWordsWin() {
        assertThat(Wording.title("Coffee with Jo", "Sam (family support)", Locale.ENGLISH)).isEqualTo("Coffee with Jo");
        assertThat(Wording.checkOwn("  Dentist  ")).isEqualTo("Dentist");
        assertThat(Wording.checkOwn("   ")).isNull();
    }

    @Test
    void ownWordsAreOneShortLine() {
        assertThatThrownBy(() -> Wording.checkOwn("x".repeat(61))).isInstanceOf(InputProblem.class)
                .extracting(e -> ((InputProblem) e).field()).isEqualTo("wording");
        assertThatThrownBy(() -> Wording.checkOwn("Tea\r\nBcc: x@evil.example")).isInstanceOf(InputProblem.class);
        assertThatThrownBy(() -> Wording.checkOwn("Tea\u2028time")).isInstanceOf(InputProblem.class);
    }

    @Test
    void firstNamesLoseEverythingButLetters() {
        assertThat(Wording.firstName("Anne-Marie O’Neil")).isEqualTo("Anne-Marie");
        assertThat(Wording.firstName("<b>Sam</b> x")).isEqualTo("bSamb");
        assertThat(Wording.firstName("Zoë")).isEqualTo("Zoë");
    }
}
