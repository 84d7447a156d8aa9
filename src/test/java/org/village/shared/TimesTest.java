package org.village.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TimesTest {

    private static final Instant EVENING = Instant.parse("2026-12-01T19:05:00Z"); // 19:05 in London (GMT)

    private static String shown(Locale page) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Times.forDates(page)).withZone(Times.ZONE).format(EVENING);
    }

    @Test
    void anEnglishPageShowsBritishDatesAndA24HourClock() {
        // Java's plain English is American: "Dec 1, 2026, 7:05 PM" (chat, forum and the queue showed that)
        assertThat(shown(Locale.ENGLISH)).isEqualTo("1 Dec 2026, 19:05");
        assertThat(shown(null)).isEqualTo("1 Dec 2026, 19:05");
        assertThat(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(Times.forDates(Locale.ENGLISH))
                .withZone(Times.ZONE).format(EVENING)).isEqualTo("19:05");
    }

    @Test
    void theViewsWritingTimesUseThePortalsOwnFormatsBritishInEnglish() {
        // chat, the forum and the queue write with Times: the same words as the British localized format above
        assertThat(Times.dateTime(EVENING, Locale.ENGLISH)).isEqualTo(shown(Locale.ENGLISH));
        assertThat(Times.time(EVENING)).isEqualTo("19:05");
        assertThat(Times.dateTime(EVENING, Locale.forLanguageTag("pl"))).isEqualTo("1 grudnia 2026, 19:05");
    }

    @Test
    void otherLanguagesKeepTheirOwnWay() {
        assertThat(Times.forDates(Locale.forLanguageTag("pl"))).isEqualTo(Locale.forLanguageTag("pl"));
        assertThat(shown(Locale.forLanguageTag("pl"))).contains("19:05").doesNotContain("PM");
    }
}
