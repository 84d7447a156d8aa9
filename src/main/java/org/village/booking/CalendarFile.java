package org.village.booking;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.validate.ValidationException;
import org.village.shared.Times;

/**
 * Builds the iCalendar file that goes with a booking's e-mails and the "add to calendar" download (decision 091):
 * one VEVENT per session, a UID that never changes for a booking, SEQUENCE from the booking (raised on every change),
 * METHOD:REQUEST while it stands and METHOD:CANCEL (STATUS:CANCELLED) once it has ended, times in Europe/London with
 * its VTIMEZONE so calendars get clock changes right. The title is discreet ({@link Wording}).
 */
final class CalendarFile {

    static final String PRODUCT = "-//Village//Booking 1.0//EN";
    static final String UID_DOMAIN = "booking.village";

    /** Built once: making a registry reads the zone's rules from ical4j's files. */
    private static final net.fortuna.ical4j.model.TimeZone LONDON =
            TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(Times.ZONE.getId());

    /**
     * London's VTIMEZONE as text, written once (decision 100): it is the same in every file and most of each file's
     * bytes (every clock change since the zone's rules began), and writing it through ical4j for each of 10,000
     * reminders was most of the reminder job's CPU. {@link #build} writes the rest with ical4j and puts this in the
     * place ical4j put it before, ahead of the first VEVENT.
     */
    private static final String LONDON_TEXT = zoneText();

    private CalendarFile() {
    }

    private static String zoneText() {
        var calendar = new Calendar();
        calendar.withProdId(PRODUCT).withDefaults().withComponent(LONDON.getVTimeZone());
        String text = write(calendar);
        int from = text.indexOf("BEGIN:VTIMEZONE");
        int to = text.indexOf("END:VTIMEZONE\r\n");
        if (from < 0 || to < 0) {
            throw new IllegalStateException("ical4j wrote no VTIMEZONE for " + Times.ZONE);
        }
        return text.substring(from, to + "END:VTIMEZONE\r\n".length());
    }

    private static String write(Calendar calendar) {
        var out = new ByteArrayOutputStream();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("calendar file did not validate", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** One session of a booking, as the calendar shows it. */
    record Event(long bookingId, int sequence, Instant start, Instant end, String title, String location,
                 String description) {
    }

    static String uid(long bookingId) {
        return "booking-" + bookingId + "@" + UID_DOMAIN;
    }

    static byte[] build(List<Event> events, boolean cancelled, String organizerAddress) {
        var calendar = new Calendar();
        calendar.withProdId(PRODUCT).withDefaults()
                .withProperty(new Method(cancelled ? Method.VALUE_CANCEL : Method.VALUE_REQUEST));
        for (var e : events) {
            // what new VEvent(start, end, summary) adds, in its order, but the two times written here (see #time)
            var event = new VEvent();
            event.add(time("DTSTART", e.start()));
            event.add(time("DTEND", e.end()));
            event.add(new Summary(clean(e.title(), 120)));
            event.add(new Uid(uid(e.bookingId())));
            event.add(new Sequence(e.sequence()));
            event.add(cancelled ? new Status(Status.VALUE_CANCELLED) : new Status(Status.VALUE_CONFIRMED));
            if (e.location() != null && !e.location().isBlank()) {
                event.add(new Location(clean(e.location(), 400)));
            }
            if (e.description() != null && !e.description().isBlank()) {
                event.add(new Description(clean(e.description(), 1000)));
            }
            if (organizerAddress != null && ORGANIZER.matcher(organizerAddress).matches()) {
                event.add(new Organizer("mailto:" + organizerAddress));
            }
            calendar.add(event);
        }
        // the zone's text goes where ical4j put the VTIMEZONE when it was the first component: before the first VEVENT
        String text = write(calendar);
        int at = text.indexOf("BEGIN:VEVENT");
        if (at < 0) {
            at = text.indexOf("END:VCALENDAR");
        }
        return (text.substring(0, at) + LONDON_TEXT + text.substring(at)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * London wall-clock time with its TZID; but a time in the repeated autumn hour, which a TZID time cannot tell
     * apart (RFC 5545 reads it as the first of the two), is written in UTC instead so it stays the one booked.
     */
    static java.time.temporal.Temporal when(Instant instant) {
        return inUtc(instant) ? instant : ZonedDateTime.ofInstant(instant, Times.ZONE);
    }

    private static boolean inUtc(Instant instant) {
        var local = java.time.LocalDateTime.ofInstant(instant, Times.ZONE);
        return Times.ZONE.getRules().getValidOffsets(local).size() > 1;
    }

    private static final ParameterList LONDON_TZID = new ParameterList(List.of(new TzId(Times.ZONE.getId())));
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

    /**
     * A DTSTART or DTEND line's property, the text ical4j writes for {@link #when} (decision 102): given a
     * {@code ZonedDateTime}, ical4j's date property looks London up in its zone registry and builds the zone's rules
     * again from the VTIMEZONE for each value it writes, which was about 40 % of the CPU of telling a family about a
     * booking. The value is London wall-clock time with {@code TZID=Europe/London}, or UTC with a {@code Z} in the
     * repeated autumn hour; {@code CalendarFileTest} proves the file is the same as ical4j's, byte for byte.
     */
    private static Property time(String name, Instant instant) {
        if (inUtc(instant)) {
            return new XProperty(name, LOCAL.format(java.time.LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + "Z");
        }
        return new XProperty(name, LONDON_TZID, LOCAL.format(java.time.LocalDateTime.ofInstant(instant, Times.ZONE)));
    }

    static String contentType(boolean cancelled) {
        return "text/calendar; charset=utf-8; method=" + (cancelled ? "CANCEL" : "REQUEST");
    }

    /** Text for a calendar: no control characters (line breaks become spaces), at most {@code max} characters. */
    private static final java.util.regex.Pattern ORGANIZER = java.util.regex.Pattern.compile("[^@\\s:]+@[^@\\s:]+");
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("[\\p{Cntrl}&&[^\\n]]");

    private static String clean(String s, int max) {
        String t = CONTROL.matcher(s).replaceAll("").replace('\n', ' ').strip();
        return t.length() <= max ? t : t.substring(0, max);
    }

    static String asText(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
