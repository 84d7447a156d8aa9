package org.village.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LocalDatesTest {

    @Test
    void aPolishPageGetsPolishMonthsDaysAndButtons() {
        var words = LocalDates.words(Locale.forLanguageTag("pl"));
        assertThat(words.getMonthNames()).startsWith("Styczeń", "Luty").hasSize(12);
        assertThat(words.getWeekdays()).startsWith("Niedziela", "Poniedziałek").hasSize(7);
        assertThat(words.getToday()).isEqualTo("Dzisiaj");
        assertThat(words.getCancel()).isEqualTo("Anuluj");
        assertThat(words.getFirstDayOfWeek()).isEqualTo(1);
    }

    @Test
    void anEnglishPageGetsEnglishWordsAndAMondayStart() {
        var picker = new DatePicker();
        LocalDates.apply(picker, Locale.ENGLISH);
        assertThat(picker.getI18n().getMonthNames()).startsWith("January");
        assertThat(picker.getI18n().getWeekdaysShort()).startsWith("Sun", "Mon");
        assertThat(picker.getI18n().getToday()).isEqualTo("Today");
        assertThat(picker.getI18n().getBadInputErrorMessage()).contains("31/12/2026");
        assertThat(picker.getLocale()).isEqualTo(Locale.UK);
    }
}
