package org.village.directory.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.village.directory.TeamMember;
import org.village.helpnow.OpeningHours;
import org.village.shared.Texts;

/** Opening hours, ages and statuses the directory pages print: English exactly as before, Polish in Polish. */
class DirectoryWordsTest {

    private static final Locale PL = Locale.forLanguageTag("pl");

    /** A component reading the same bundles as Vaadin's provider, in a chosen language, without a running UI. */
    private static Div reader(Locale locale) {
        return new Div() {
            @Override
            public String getTranslation(String key, Object... params) {
                return Texts.text(locale, key, params);
            }
        };
    }

    private static final List<OpeningHours> HOURS = List.of(
            OpeningHours.of(OpeningHours.Row.of("MON TUE WED THU FRI", "09:00", "17:00"),
                    OpeningHours.Row.of("SAT", "10:00", "12:00")),
            OpeningHours.of(OpeningHours.Row.of("MON,WED", "17:30", "00:00")),
            OpeningHours.of(OpeningHours.Row.of("SAT SUN", "00:00", "23:59")),
            OpeningHours.of(OpeningHours.Row.of("MON TUE WED THU FRI SAT SUN", "08:00", "20:00")),
            OpeningHours.of(OpeningHours.Row.of("MON TUE WED THU FRI", "09:00", "17:00")).withDated(List.of(
                    OpeningHours.Dated.closedOn(LocalDate.of(2026, 12, 25), "Christmas Day"),
                    OpeningHours.Dated.extra(LocalDate.of(2026, 12, 24), LocalTime.of(18, 0), LocalTime.of(22, 15), ""))),
            OpeningHours.always(),
            new OpeningHours(false, List.of()));

    @Test
    void englishOpeningHoursReadExactlyAsTheHelpNowPagesSayThem() {
        for (var hours : HOURS) {
            assertThat(DirectoryWords.hours(reader(Locale.ENGLISH), Locale.ENGLISH, hours)).isEqualTo(hours.describe());
        }
    }

    @Test
    void polishOpeningHoursUsePolishDaysAndTheTwentyFourHourClock() {
        assertThat(DirectoryWords.hours(reader(PL), PL, HOURS.get(0)))
                .isEqualTo("poniedziałek–piątek, od 9:00 do 17:00; sobota, od 10:00 do południa");
        assertThat(DirectoryWords.hours(reader(PL), PL, HOURS.get(1))).isEqualTo("poniedziałek, środa, od 17:30 do północy");
        assertThat(DirectoryWords.hours(reader(PL), PL, HOURS.get(4))).contains("piątek 25 grudnia, zamknięte (Christmas Day)",
                "czwartek 24 grudnia, od 18:00 do 22:15");
        assertThat(DirectoryWords.hours(reader(PL), PL, HOURS.get(5))).isEqualTo("Otwarte całą dobę, codziennie");
    }

    @Test
    void agesAndStatusesInBothLanguages() {
        assertThat(DirectoryWords.ages(reader(Locale.ENGLISH), 11, 18)).isEqualTo("Ages 11 to 18");
        assertThat(DirectoryWords.ages(reader(Locale.ENGLISH), 11, null)).isEqualTo("Ages 11 and over");
        assertThat(DirectoryWords.ages(reader(Locale.ENGLISH), null, 1000)).isEqualTo("Ages up to 1000");
        assertThat(DirectoryWords.ages(reader(PL), 11, 18)).isEqualTo("Wiek od 11 do 18 lat");
        for (var status : TeamMember.Status.values()) {
            assertThat(DirectoryWords.status(reader(Locale.ENGLISH), status)).isEqualTo(status.words());
            assertThat(DirectoryWords.status(reader(PL), status)).isNotEqualTo(status.words()).isNotBlank();
        }
        assertThat(DirectoryWords.day(PL, LocalDate.of(2026, 12, 1))).isEqualTo("1 grudnia 2026");
        assertThat(DirectoryWords.day(Locale.ENGLISH, LocalDate.of(2026, 12, 1))).isEqualTo("1 December 2026");
    }
}
