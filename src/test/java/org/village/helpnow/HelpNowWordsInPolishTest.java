package org.village.helpnow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.village.shared.Times;

/**
 * Issue 9 item 9: the help-now box and page say when a line is open in the reader's language (decision 065), and
 * English stays word for word as it was.
 */
class HelpNowWordsInPolishTest {

    private static final Locale POLISH = Locale.forLanguageTag("pl");

    private static Instant london(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(Times.ZONE).toInstant();
    }

    @Test
    void openingTimesAreSaidInPolishWithTheTwentyFourHourClock() {
        Instant mondayNoon = london("2026-11-23T12:00");
        assertThat(HelpNowService.clockWords(london("2026-11-23T17:00"), mondayNoon, POLISH)).isEqualTo("17:00");
        assertThat(HelpNowService.clockWords(london("2026-11-24T08:30"), mondayNoon, POLISH)).isEqualTo("jutro o 8:30");
        assertThat(HelpNowService.clockWords(london("2026-11-26T09:00"), mondayNoon, POLISH)).isEqualTo("w czwartek o 9:00");
        assertThat(HelpNowService.clockWords(london("2026-11-24T00:00"), mondayNoon, POLISH)).isEqualTo("jutro o północy");
    }

    @Test
    void englishOpeningTimesAreUnchanged() {
        Instant mondayNoon = london("2026-11-23T12:00");
        assertThat(HelpNowService.clockWords(london("2026-11-23T17:00"), mondayNoon, Locale.ENGLISH)).isEqualTo("5pm");
        assertThat(HelpNowService.clockWords(london("2026-11-24T08:30"), mondayNoon, Locale.ENGLISH))
                .isEqualTo("tomorrow at 8.30am");
        assertThat(HelpNowService.clockWords(london("2026-11-26T09:00"), mondayNoon, Locale.ENGLISH))
                .isEqualTo("Thursday at 9am");
    }

    @Test
    void theBoxSaysOpenUntilInPolish() {
        HelpLine line = new HelpLine("contact:test", "Test line", "", "0117 000 0000", null,
                OpeningHours.of(OpeningHours.Row.of("MON TUE WED THU FRI", "09:00", "17:00")), false, false);
        HelpNowSource source = () -> List.of(line);
        var service = new HelpNowService(List.of(source), List.of(), java.time.Clock.systemUTC());
        assertThat(service.at(london("2026-11-23T12:00"), POLISH).getFirst().when()).isEqualTo("otwarte teraz do 17:00");
        assertThat(service.at(london("2026-11-23T12:00")).getFirst().when()).isEqualTo("open now until 5pm");
        assertThat(service.at(london("2026-11-23T18:00"), POLISH).getFirst().when())
                .isEqualTo("teraz zamknięte, otwarcie jutro o 9:00");
    }

    @Test
    void openingHoursAreDescribedInPolish() {
        var week = OpeningHours.of(OpeningHours.Row.of("MON TUE WED THU FRI", "09:00", "17:30"));
        assertThat(week.describe(POLISH)).isEqualTo("Poniedziałek–piątek, 9:00–17:30");
        assertThat(week.describe()).isEqualTo("Monday to Friday, 9am to 5.30pm");
        var christmas = new OpeningHours(false, List.of(),
                List.of(OpeningHours.Dated.closedOn(LocalDate.of(2026, 12, 25), "")));
        assertThat(christmas.describe(POLISH)).isEqualTo("Piątek 25 grudnia, zamknięte");
        assertThat(christmas.describe()).isEqualTo("Friday 25 December, closed");
        assertThat(OpeningHours.always().describe(POLISH)).isEqualTo("Otwarte całą dobę, codziennie");
    }
}
