package org.village.shared.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.village.shared.Texts;
import org.village.shared.Times;

/**
 * A date picker in the reader's language: month and day names from Java's own tables for the page's locale, the
 * week starting on Monday (as in the UK and Poland), and its buttons and error from the interface bundles.
 * Vaadin's picker is English until told otherwise.
 */
public final class LocalDates {

    private LocalDates() {
    }

    /** Sets the picker's words whenever it is shown, in the language of the page it is shown on. */
    public static DatePicker inReadersLanguage(DatePicker picker) {
        picker.addAttachListener(attached -> apply(picker, attached.getUI().getLocale()));
        return picker;
    }

    static void apply(DatePicker picker, Locale locale) {
        // English here is British English: days before months (31/12/2026), as the message says
        Locale language = Times.forDates(locale);
        picker.setLocale(language);
        picker.setI18n(words(language));
    }

    static DatePicker.DatePickerI18n words(Locale language) {
        List<String> months = Arrays.stream(Month.values())
                .map(m -> m.getDisplayName(TextStyle.FULL_STANDALONE, language)).map(LocalDates::capital).toList();
        // Vaadin lists the days from Sunday
        List<DayOfWeek> fromSunday = List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
        return new DatePicker.DatePickerI18n()
                .setMonthNames(months)
                .setWeekdays(fromSunday.stream().map(d -> capital(d.getDisplayName(TextStyle.FULL_STANDALONE, language))).toList())
                .setWeekdaysShort(fromSunday.stream().map(d -> capital(d.getDisplayName(TextStyle.SHORT_STANDALONE, language))).toList())
                .setFirstDayOfWeek(1)
                .setToday(Texts.text(language, "dates.today"))
                .setCancel(Texts.text(language, "dates.cancel"))
                .setBadInputErrorMessage(Texts.text(language, "dates.badInput"));
    }

    private static String capital(String name) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
