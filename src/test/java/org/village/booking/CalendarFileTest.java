package org.village.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

/** The calendar file: stable UID, SEQUENCE, REQUEST/CANCEL, Europe/London times that survive clock changes. */
class CalendarFileTest {

    static Calendar parse(byte[] bytes) throws Exception {
        return new CalendarBuilder().build(new ByteArrayInputStream(bytes));
    }

    static VEvent event(Calendar c) {
        return (VEvent) c.getComponents("VEVENT").getFirst();
    }

    @Test
    void aBookingsFileHasItsStableUidSequenceAndLondonTimes() throws Exception {
        // 10:00 on 2 December in London is 10:00 UTC (winter)
        var start = Instant.parse("2026-12-02T10:00:00Z");
        byte[] bytes = CalendarFile.build(List.of(new CalendarFile.Event(42, 3, start, start.plusSeconds(3600),
                "Meeting with Sam", "1 High Street", null)), false, "village@localhost");
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("METHOD:REQUEST").contains("UID:booking-42@booking.village").contains("SEQUENCE:3")
                .contains("DTSTART;TZID=Europe/London:20261202T100000").contains("BEGIN:VTIMEZONE")
                .contains("SUMMARY:Meeting with Sam").contains("STATUS:CONFIRMED");
        assertThat(text.split("DTSTAMP", -1)).as("one DTSTAMP").hasSize(2);

        var calendar = parse(bytes);
        var event = event(calendar);
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo(CalendarFile.uid(42));
        assertThat(calendar.getComponents("VTIMEZONE")).hasSize(1);
        assertThat(((VTimeZone) calendar.getComponents("VTIMEZONE").getFirst()).getTimeZoneId().getValue())
                .isEqualTo("Europe/London");
    }

    @Test
    void summerTimesAreWrittenAsLondonWallClockTime() throws Exception {
        // 18:00 London on 1 July is 17:00 UTC
        var start = ZonedDateTime.parse("2027-07-01T18:00:00+01:00[Europe/London]").toInstant();
        String text = new String(CalendarFile.build(List.of(new CalendarFile.Event(7, 0, start, start.plusSeconds(5400),
                "Meeting with Sam", null, null)), false, null), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("DTSTART;TZID=Europe/London:20270701T180000")
                .contains("DTEND;TZID=Europe/London:20270701T193000");
    }

    @Test
    void theRepeatedAutumnHourIsTheOneTheBookingMeant() throws Exception {
        // 01:30 happens twice in London on 25 October 2026: first at 00:30 UTC (BST), then at 01:30 UTC (GMT);
        // a TZID time would be read as the first, so both are written in UTC and read back as booked
        for (var instant : List.of(Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-25T01:30:00Z"))) {
            var bytes = CalendarFile.build(List.of(new CalendarFile.Event(9, 0, instant, instant.plusSeconds(1800),
                    "Meeting", null, null)), false, null);
            var dtStart = event(parse(bytes)).getDateTimeStart();
            assertThat(Instant.from(dtStart.getDate())).isEqualTo(instant);
        }
        // an hour later the times are no longer ambiguous and are London times again
        var later = Instant.parse("2026-10-25T03:00:00Z");
        String text = new String(CalendarFile.build(List.of(new CalendarFile.Event(9, 0, later, later.plusSeconds(1800),
                "Meeting", null, null)), false, null), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("DTSTART;TZID=Europe/London:20261025T030000");
    }

    @Test
    void aSpringDayTimeAfterTheMissingHourIsRight() throws Exception {
        // 29 March 2026: 01:00 to 02:00 does not exist in London; 10:00 that day is 09:00 UTC
        var start = Instant.parse("2026-03-29T09:00:00Z");
        var dtStart = event(parse(CalendarFile.build(List.of(new CalendarFile.Event(9, 0, start, start.plusSeconds(3600),
                "Meeting", null, null)), false, null))).getDateTimeStart();
        assertThat(dtStart.getValue()).isEqualTo("20260329T100000");
        assertThat(Instant.from(dtStart.getDate())).isEqualTo(start);
    }

    @Test
    void aCancelledBookingSaysCancelWithTheSameUid() throws Exception {
        var start = Instant.parse("2026-12-02T10:00:00Z");
        byte[] bytes = CalendarFile.build(List.of(new CalendarFile.Event(42, 4, start, start.plusSeconds(3600),
                "Meeting with Sam", null, null)), true, null);
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("METHOD:CANCEL").contains("STATUS:CANCELLED").contains("UID:booking-42@booking.village")
                .contains("SEQUENCE:4");
        assertThat(CalendarFile.contentType(true)).contains("method=CANCEL");
    }

    @Test
    void hostileTitlesCannotAddLinesToTheFile() throws Exception {
        var start = Instant.parse("2026-12-02T10:00:00Z");
        byte[] bytes = CalendarFile.build(List.of(new CalendarFile.Event(1, 0, start, start.plusSeconds(60),
                "Tea\r\nATTENDEE:mailto:x@evil.example;</script>", "Room, 2; \"A\"", null)), false, null);
        var event = event(parse(bytes));
        assertThat(event.getProperties("ATTENDEE")).isEmpty();
        assertThat(event.getSummary().getValue()).startsWith("Tea").contains("</script>");
        assertThat(event.getLocation().getValue()).isEqualTo("Room, 2; \"A\"");
    }

    /**
     * London's VTIMEZONE is written once and put in each file (decision 100): the file is the same, byte for byte
     * (apart from its DTSTAMP, the moment it was made), as ical4j writes it with the zone as the first component.
     */
    @Test
    void theZoneWrittenOnceGivesTheSameFileIcal4jWrites() throws Exception {
        var start = Instant.parse("2026-10-25T01:30:00Z");
        var events = List.of(new CalendarFile.Event(9, 2, start, start.plusSeconds(3600), "Meeting with Sam",
                        "Video", null),
                new CalendarFile.Event(10, 0, Instant.parse("2027-03-28T09:00:00Z"),
                        Instant.parse("2027-03-28T10:00:00Z"), "Meeting with Sam", null, null));
        for (boolean cancelled : new boolean[] {false, true}) {
            var zone = net.fortuna.ical4j.model.TimeZoneRegistryFactory.getInstance().createRegistry()
                    .getTimeZone("Europe/London");
            var calendar = new Calendar();
            calendar.withProdId(CalendarFile.PRODUCT).withDefaults()
                    .withProperty(new net.fortuna.ical4j.model.property.Method(cancelled ? "CANCEL" : "REQUEST"))
                    .withComponent(zone.getVTimeZone());
            for (var e : events) {
                var event = new VEvent(CalendarFile.when(e.start()), CalendarFile.when(e.end()), e.title());
                event.add(new net.fortuna.ical4j.model.property.Uid(CalendarFile.uid(e.bookingId())));
                event.add(new net.fortuna.ical4j.model.property.Sequence(e.sequence()));
                event.add(new net.fortuna.ical4j.model.property.Status(cancelled ? "CANCELLED" : "CONFIRMED"));
                if (e.location() != null) {
                    event.add(new net.fortuna.ical4j.model.property.Location(e.location()));
                }
                event.add(new net.fortuna.ical4j.model.property.Organizer("mailto:village@localhost"));
                calendar.add(event);
            }
            var out = new java.io.ByteArrayOutputStream();
            new net.fortuna.ical4j.data.CalendarOutputter(false).output(calendar, out);
            String ical4j = out.toString(java.nio.charset.StandardCharsets.UTF_8);
            String ours = CalendarFile.asText(CalendarFile.build(events, cancelled, "village@localhost"));
            assertThat(withoutStamps(ours)).isEqualTo(withoutStamps(ical4j));
            assertThat(parse(ours.getBytes(java.nio.charset.StandardCharsets.UTF_8)).getComponents("VTIMEZONE")).hasSize(1);
        }
    }

    /**
     * DTSTART and DTEND are written by CalendarFile itself (decision 102), not by ical4j's date properties: every
     * half hour across both of 2026/27's clock changes and an ordinary day, the file is still ical4j's, byte for byte,
     * and parses back to the instants booked.
     */
    @Test
    void theTimesWrittenByHandAreIcal4jsAcrossBothClockChanges() throws Exception {
        var zone = net.fortuna.ical4j.model.TimeZoneRegistryFactory.getInstance().createRegistry()
                .getTimeZone("Europe/London");
        for (String day : List.of("2026-10-24T12:00:00Z", "2027-03-27T12:00:00Z", "2027-07-01T00:00:00Z")) {
            for (int half = 0; half < 48; half++) {
                var start = Instant.parse(day).plusSeconds(half * 1800L);
                var end = start.plusSeconds(5400);
                var calendar = new Calendar();
                calendar.withProdId(CalendarFile.PRODUCT).withDefaults()
                        .withProperty(new net.fortuna.ical4j.model.property.Method("REQUEST"))
                        .withComponent(zone.getVTimeZone());
                var event = new VEvent(CalendarFile.when(start), CalendarFile.when(end), "Meeting");
                event.add(new net.fortuna.ical4j.model.property.Uid(CalendarFile.uid(5)));
                event.add(new net.fortuna.ical4j.model.property.Sequence(1));
                event.add(new net.fortuna.ical4j.model.property.Status("CONFIRMED"));
                calendar.add(event);
                var out = new java.io.ByteArrayOutputStream();
                new net.fortuna.ical4j.data.CalendarOutputter(false).output(calendar, out);
                byte[] ours = CalendarFile.build(List.of(new CalendarFile.Event(5, 1, start, end, "Meeting", null, null)),
                        false, null);
                assertThat(withoutStamps(CalendarFile.asText(ours)))
                        .as("file for %s", start)
                        .isEqualTo(withoutStamps(out.toString(java.nio.charset.StandardCharsets.UTF_8)));
                var parsed = event(parse(ours));
                assertThat(Instant.from(parsed.getDateTimeStart().getDate())).as("start %s", start).isEqualTo(start);
                assertThat(Instant.from(parsed.getDateTimeEnd().getDate())).as("end %s", end).isEqualTo(end);
            }
        }
    }

    private static String withoutStamps(String ics) {
        return ics.replaceAll("DTSTAMP:[0-9TZ]+\\r\\n", "");
    }
}
