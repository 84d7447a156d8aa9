package org.village.booking.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.village.booking.Availability;
import org.village.booking.Recurrence;
import org.village.security.CurrentUser;
import org.village.shared.Capability;
import org.village.shared.Times;
import org.village.shared.ui.TodayPart;
import org.village.shared.ui.TodaySection;

/** The booking part of a worker's Today page: their sessions today and tomorrow, each a link to that day. */
@org.springframework.stereotype.Component
class BookingToday implements TodaySection {

    private final Availability availability;
    private final CurrentUser currentUser;
    private final Clock clock;

    BookingToday(Availability availability, CurrentUser currentUser, Clock clock) {
        this.availability = availability;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public Optional<Component> build() {
        if (currentUser.get().filter(u -> u.can(Capability.RUN_SESSIONS)).isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock.withZone(Times.ZONE));
        return Optional.of(new Part(availability, today));
    }

    /** Built fresh for each visit, in the reader's language. */
    static class Part extends TodayPart {
        Part(Availability availability, LocalDate today) {
            super("booking", "bookingtoday.title");
            var sessions = availability.mySessions(today, today.plusDays(2));
            for (LocalDate day : new LocalDate[] {today, today.plusDays(1)}) {
                add(new H3(getTranslation(day.equals(today) ? "bookingtoday.today" : "bookingtoday.tomorrow")));
                var mine = sessions.stream().filter(s -> !s.cancelled()
                        && s.startsAt().atZone(Times.ZONE).toLocalDate().equals(day)).toList();
                if (mine.isEmpty()) {
                    add(new Paragraph(getTranslation("bookingtoday.none")));
                    continue;
                }
                var list = new UnorderedList();
                for (var s : mine) {
                    var link = new RouterLink(getTranslation("bookingtoday.item", Recurrence.label(s.startsAt()),
                            Recurrence.label(s.endsAt()), s.typeName(), s.placesTaken(), s.capacity()), CalendarView.class);
                    link.setQueryParameters(QueryParameters.simple(Map.of("view", "day", "date", day.toString())));
                    list.add(new ListItem(link));
                }
                add(list);
            }
        }
    }
}
