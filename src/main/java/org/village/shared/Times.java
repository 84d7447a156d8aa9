package org.village.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Time is stored in UTC and shown in the portal's time zone, Europe/London. */
@Configuration(proxyBeanMethods = false)
public class Times {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK).withZone(ZONE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK).withZone(ZONE);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /**
     * The date and time for a reader of {@code locale}: English as {@link #dateTime(Instant)}, other languages with
     * the month named in their own words ("1 grudnia 2026, 09:30").
     */
    public static String dateTime(Instant instant, Locale locale) {
        if (locale == null || "en".equals(locale.getLanguage())) {
            return dateTime(instant);
        }
        return instant == null ? "" : DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale).withZone(ZONE).format(instant);
    }

    /**
     * The locale to write dates and times in for a reader of {@code language}: English here is British English
     * ("1 Dec 2026, 19:00", days before months), which Java's plain English is not ("Dec 1, 2026, 7:00 PM").
     */
    public static Locale forDates(Locale language) {
        return language == null || "en".equals(language.getLanguage()) ? Locale.UK : language;
    }

    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
