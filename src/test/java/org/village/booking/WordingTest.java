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

    @Test
    void aParentReadsTheWeekdayAndAPlainTimeInLondon() {
        // 8 December 2026 is a Tuesday; London is on GMT then
        var start = java.time.Instant.parse("2026-12-08T16:00:00Z");
        assertThat(Wording.when(start, start.plusSeconds(3600), Locale.ENGLISH, 2026))
                .isEqualTo("Tuesday 8 December, 4pm to 5pm");
        assertThat(Wording.when(start.plusSeconds(1800), start.plusSeconds(5400), Locale.ENGLISH, 2026))
                .isEqualTo("Tuesday 8 December, 4:30pm to 5:30pm");
        assertThat(Wording.when(java.time.Instant.parse("2026-12-08T11:00:00Z"), java.time.Instant.parse("2026-12-08T12:00:00Z"),
                Locale.ENGLISH, 2026)).isEqualTo("Tuesday 8 December, 11am to 12pm");
        // summer time: 08:00 UTC is 9am in London; another year says which
        assertThat(Wording.when(java.time.Instant.parse("2027-06-01T08:00:00Z"), java.time.Instant.parse("2027-06-01T08:45:00Z"),
                Locale.ENGLISH, 2026)).isEqualTo("Tuesday 1 June 2027, 9am to 9:45am");
        assertThat(Wording.when(start, start.plusSeconds(3600), Locale.forLanguageTag("pl"), 2026))
                .isEqualTo("wtorek 8 grudnia, 16:00\u201317:00");
        assertThat(Wording.moment(start, Locale.ENGLISH, 2026)).isEqualTo("Tuesday 8 December, 4pm");
        assertThat(Wording.day(start, Locale.ENGLISH, 2026)).isEqualTo("Tuesday 8 December");
    }
}
