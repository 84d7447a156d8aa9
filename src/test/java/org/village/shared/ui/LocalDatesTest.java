package org.village.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
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

    /**
     * Vaadin's picker shows American dates (12/4/2026 for 4 December) until told otherwise: the booking page's "from"
     * picker once did. Every picker made in the code goes through {@link LocalDates#inReadersLanguage}, in the same
     * statement.
     */
    @Test
    void everyDatePickerInTheCodeShowsDatesTheReadersWay() throws IOException {
        Pattern made = Pattern.compile("new\\s+DatePicker\\s*\\(");
        List<String> bare = new ArrayList<>();
        int found = 0;
        try (var files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                var m = made.matcher(text);
                while (m.find()) {
                    found++;
                    // the statement the picker is made in: from the previous ';', '{' or '}' to here
                    int start = Math.max(Math.max(text.lastIndexOf(';', m.start()), text.lastIndexOf('{', m.start())),
                            text.lastIndexOf('}', m.start()));
                    if (!text.substring(start + 1, m.start()).contains("inReadersLanguage(")) {
                        bare.add(file + ": " + text.substring(start + 1, m.end()).strip());
                    }
                }
            }
        }
        assertThat(found).as("date pickers found in src/main/java").isGreaterThan(5);
        assertThat(bare).as("date pickers not made through LocalDates.inReadersLanguage").isEmpty();
    }
}
