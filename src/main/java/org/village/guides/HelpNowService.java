package org.village.guides;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.village.shared.HelpLine;
import org.village.shared.HelpNowSource;
import org.village.shared.OpeningHours;
import org.village.shared.ui.HelpNowBox;

/**
 * Who you can call right now. Asks every {@link HelpNowSource} (our contacts, and the service directory
 * when it is there) and orders the lines for someone in a hurry: 999 first, then what is open now, then
 * what opens next. Times are in Europe/London, whatever the server's zone.
 */
@Service
public class HelpNowService {

    private final List<HelpNowSource> sources;
    private final GuideNeeds needs;
    private final Clock clock;

    HelpNowService(List<HelpNowSource> sources, GuideNeeds needs, Clock clock) {
        this.sources = sources;
        this.needs = needs;
        this.clock = clock;
    }

    /** One line with its state at the moment asked; {@code when} says it in words. */
    public record Entry(HelpLine line, boolean openNow, Instant closesAt, Instant opensNext, String when) {
    }

    public List<Entry> now() {
        return at(clock.instant());
    }

    public List<Entry> at(Instant at) {
        var entries = new ArrayList<Entry>();
        var seen = new java.util.HashSet<String>();
        for (HelpNowSource source : sources) {
            for (HelpLine line : source.helpLines()) {
                // the same number from two sources (a contact and a directory service) shows once
                if (seen.add(line.phone() == null ? line.key() : line.phone().replace(" ", ""))) {
                    entries.add(entry(line, at));
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
     * The panel for a page about these needs (a guide's, from {@link GuideNeeds}): of the lines open now, those
     * sharing most needs with the page come first; lines that share as many keep the usual order. 999 is not
     * in the list because the box always puts it first, above the list.
     */
    public List<HelpNowBox.Line> panel(int max, java.util.Collection<String> topicNeeds) {
        return panelAt(clock.instant(), max, topicNeeds);
    }

    List<HelpNowBox.Line> panelAt(Instant at, int max, java.util.Collection<String> topicNeeds) {
        var topic = java.util.Set.copyOf(topicNeeds);
        return at(at).stream().filter(e -> !e.line().emergency() && e.openNow())
                .sorted(Comparator.comparingInt((Entry e) -> -shared(e, topic))) // stable: ties keep the usual order
                .limit(max)
                .map(e -> new HelpNowBox.Line(e.line().name(), e.line().phone(), e.when())).toList();
    }

    private int shared(Entry e, java.util.Set<String> topic) {
        return topic.isEmpty() ? 0 : (int) needs.helpLineNeeds(e.line().key()).stream().filter(topic::contains).count();
    }

    private static Entry entry(HelpLine line, Instant at) {
        OpeningHours hours = line.hours();
        boolean open = line.emergency() || hours.isOpen(at);
        Instant closes = open ? hours.closesAt(at).orElse(null) : null;
        Instant next = open ? null : hours.nextOpening(at).orElse(null);
        String when;
        if (line.emergency() || hours.alwaysOpen()) {
            when = "open all day and night";
        } else if (open) {
            when = closes == null ? "open now" : "open now until " + clockWords(closes, at);
        } else if (next != null) {
            when = "closed now, opens " + clockWords(next, at);
        } else {
            when = "closed";
        }
        // "out-of-hours line, open all day and night" says the same thing twice: only lines with hours say it
        if (line.outOfHours() && !line.emergency() && !hours.alwaysOpen()) {
            when = "out-of-hours line, " + when;
        }
        return new Entry(line, open, closes, next, when);
    }

    /** "5pm", "tomorrow at 8.30am" or "Monday at 9am". */
    static String clockWords(Instant time, Instant from) {
        var t = OpeningHours.local(time);
        LocalDate today = OpeningHours.local(from).toLocalDate();
        String h = twelveHour(t.getHour(), t.getMinute());
        if (t.toLocalDate().equals(today)) {
            return h;
        }
        if (t.toLocalDate().equals(today.plusDays(1))) {
            return "tomorrow at " + h;
        }
        return t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.UK) + " at " + h;
    }

    private static String twelveHour(int hour, int minute) {
        if (hour == 0 && minute == 0) {
            return "midnight";
        }
        if (hour == 12 && minute == 0) {
            return "midday";
        }
        int h = hour % 12 == 0 ? 12 : hour % 12;
        String ampm = hour < 12 ? "am" : "pm";
        return minute == 0 ? h + ampm : h + "." + String.format("%02d", minute) + ampm;
    }

    public Optional<Entry> emergency() {
        return now().stream().filter(e -> e.line().emergency()).findFirst();
    }
}
