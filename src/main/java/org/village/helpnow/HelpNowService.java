package org.village.helpnow;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.village.shared.Texts;

/**
 * Who you can call right now. Asks every {@link HelpNowSource} (the contacts admins keep first, then the
 * service directory when it is there; a number in both shows once, as the admins keep it) and orders the lines for someone in a hurry: 999 first, then what is open now, then
 * what opens next. Times are in Europe/London, whatever the server's zone.
 */
@Service
public class HelpNowService {

    private static final Logger log = LoggerFactory.getLogger(HelpNowService.class);
    /** How many open lines the help box on a page shows under 999. */
    public static final int BOX_LINES = 4;

    private final List<HelpNowSource> sources;
    private final List<HelpLineTopics> topics;
    private final Clock clock;

    HelpNowService(List<HelpNowSource> sources, List<HelpLineTopics> topics, Clock clock) {
        this.sources = sources;
        this.topics = topics;
        this.clock = clock;
    }

    /** A service over these sources and topics, outside Spring (tests of other modules, benchmarks). */
    public static HelpNowService of(List<HelpNowSource> sources, List<HelpLineTopics> topics, Clock clock) {
        return new HelpNowService(sources, topics, clock);
    }

    /**
     * The help box for any page: 999 first, then the lines open now, as admins keep them. If the lines cannot
     * be read (the database is down on an error page), the box still shows 999.
     */
    public HelpNowBox box() {
        return box(List.of());
    }

    /** The help box for a page about these needs: the closest open lines first. */
    public HelpNowBox box(java.util.Collection<String> topicNeeds) {
        try {
            return new HelpNowBox(panelAt(clock.instant(), BOX_LINES, topicNeeds, readerLocale()));
        } catch (RuntimeException e) {
            log.warn("Help-now lines could not be read; the box shows 999 only ({})", e.getClass().getSimpleName());
            return new HelpNowBox(List.of());
        }
    }

    /** One line with its state at the moment asked; {@code when} says it in words. */
    public record Entry(HelpLine line, boolean openNow, Instant closesAt, Instant opensNext, String when) {
    }

    public List<Entry> now() {
        return at(clock.instant());
    }

    /** The lines now, {@code when} in the reader's language (decision 065). */
    public List<Entry> now(Locale locale) {
        return at(clock.instant(), locale);
    }

    /** The lines at a moment, {@code when} in English. */
    public List<Entry> at(Instant at) {
        return at(at, Locale.ENGLISH);
    }

    /** The lines at a moment, {@code when} in the words of {@code locale}. */
    public List<Entry> at(Instant at, Locale locale) {
        var entries = new ArrayList<Entry>();
        var seen = new java.util.HashSet<String>();
        for (HelpNowSource source : sources) {
            for (HelpLine line : source.helpLines()) {
                // the same number from two sources (a contact and a directory service) shows once
                if (seen.add(line.phone() == null ? line.key() : line.phone().replace(" ", ""))) {
                    entries.add(entry(line, at, locale));
                }
            }
        }
        entries.sort(Comparator.comparingInt((Entry e) -> e.line().emergency() ? 0 : e.openNow() ? 1 : e.opensNext() != null ? 2 : 3)
                .thenComparing(e -> e.openNow() || e.opensNext() == null ? Instant.EPOCH : e.opensNext()));
        return entries;
    }

    /** Lines for the compact panel on guide pages: open now (999 is always in the panel itself), up to {@code max}. */
    public List<HelpNowBox.Line> panel(int max) {
        return panel(max, List.of());
    }

    /**
     * The panel for a page about these needs (a guide's, through {@link HelpLineTopics}): of the lines open now, those
     * sharing most needs with the page come first; lines that share as many keep the usual order. 999 is not
     * in the list because the box always puts it first, above the list.
     */
    public List<HelpNowBox.Line> panel(int max, java.util.Collection<String> topicNeeds) {
        return panelAt(clock.instant(), max, topicNeeds);
    }

    /** The panel at a given moment. */
    public List<HelpNowBox.Line> panelAt(Instant at, int max, java.util.Collection<String> topicNeeds) {
        return panelAt(at, max, topicNeeds, Locale.ENGLISH);
    }

    /** The panel at a given moment, its {@code when} words in the language of {@code locale}. */
    public List<HelpNowBox.Line> panelAt(Instant at, int max, java.util.Collection<String> topicNeeds, Locale locale) {
        var topic = java.util.Set.copyOf(topicNeeds);
        return at(at, locale).stream().filter(e -> !e.line().emergency() && e.openNow())
                .sorted(Comparator.comparingInt((Entry e) -> -shared(e, topic))) // stable: ties keep the usual order
                .limit(max)
                .map(e -> new HelpNowBox.Line(e.line().name(), e.line().phone(), e.when())).toList();
    }

    private int shared(Entry e, java.util.Set<String> topic) {
        return topic.isEmpty() ? 0 : (int) topics.stream()
                .flatMap(t -> t.needsOf(e.line().key()).stream()).distinct().filter(topic::contains).count();
    }

    private static Entry entry(HelpLine line, Instant at, Locale locale) {
        OpeningHours hours = line.hours();
        boolean open = line.emergency() || hours.isOpen(at);
        Instant closes = open ? hours.closesAt(at).orElse(null) : null;
        Instant next = open ? null : hours.nextOpening(at).orElse(null);
        String when;
        if (line.emergency() || hours.alwaysOpen()) {
            when = Texts.text(locale, "helpnow.when.always");
        } else if (open) {
            when = closes == null ? Texts.text(locale, "helpnow.when.open")
                    : Texts.text(locale, "helpnow.when.openUntil", clockWords(closes, at, locale));
        } else if (next != null) {
            when = Texts.text(locale, "helpnow.when.opens", clockWords(next, at, locale));
        } else {
            when = Texts.text(locale, "helpnow.when.closed");
        }
        // "out-of-hours line, open all day and night" says the same thing twice: only lines with hours say it
        if (line.outOfHours() && !line.emergency() && !hours.alwaysOpen()) {
            when = Texts.text(locale, "helpnow.when.outOfHours", when);
        }
        return new Entry(line, open, closes, next, when);
    }

    /** "5pm", "tomorrow at 8.30am" or "Monday at 9am" (in Polish "17:00", "jutro o 8:30", "w poniedziałek o 9:00"). */
    static String clockWords(Instant time, Instant from, Locale locale) {
        var t = OpeningHours.local(time);
        LocalDate today = OpeningHours.local(from).toLocalDate();
        String h = clockTime(t.getHour(), t.getMinute(), locale);
        if (t.toLocalDate().equals(today)) {
            return h;
        }
        if (t.toLocalDate().equals(today.plusDays(1))) {
            return Texts.text(locale, "helpnow.when.tomorrow", h);
        }
        return Texts.text(locale, "helpnow.when.day", Texts.text(locale, "helpnow.day." + t.getDayOfWeek().name()), h);
    }

    /** English says "9am", "8.30pm", "midnight" and "midday"; other languages the 24-hour clock ("20:30"). */
    private static String clockTime(int hour, int minute, Locale locale) {
        if (hour == 0 && minute == 0) {
            return Texts.text(locale, "helpnow.time.midnight");
        }
        if (hour == 12 && minute == 0) {
            return Texts.text(locale, "helpnow.time.midday");
        }
        if (!"en".equals(locale.getLanguage())) {
            return hour + ":" + String.format(Locale.ROOT, "%02d", minute);
        }
        int h = hour % 12 == 0 ? 12 : hour % 12;
        String ampm = hour < 12 ? "am" : "pm";
        return minute == 0 ? h + ampm : h + "." + String.format(Locale.ROOT, "%02d", minute) + ampm;
    }

    /** The language of the page being built (the box is made while a page is built), English outside a page. */
    private static Locale readerLocale() {
        var ui = com.vaadin.flow.component.UI.getCurrent();
        return ui == null || ui.getLocale() == null ? Locale.ENGLISH : ui.getLocale();
    }

    public Optional<Entry> emergency() {
        return now().stream().filter(e -> e.line().emergency()).findFirst();
    }
}
