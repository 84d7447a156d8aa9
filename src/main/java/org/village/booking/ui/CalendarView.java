package org.village.booking.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.village.booking.Availability;
import org.village.booking.Availability.Slot;
import org.village.booking.Recurrence;
import org.village.shared.InputProblem;
import org.village.shared.Roles;
import org.village.shared.Times;
import org.village.shared.ui.Forms;

/**
 * A worker's own sessions, a day or a week at a time (address: {@code ?view=day|week&date=2026-12-01}, so a reload
 * or a shared link opens the same view): who is booked, confirm or decline requests, attendance, private notes that
 * parents never see, booking a family in, lowering the places and cancelling a session. Each session is a disclosure
 * (keyboard: Tab to it, Enter to open). The services check RUN_SESSIONS and that the session is the worker's own.
 */
@Route("booking/calendar")
@Menu(order = 60, title = "My calendar")
@RolesAllowed(Roles.WORKER)
public class CalendarView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final Availability availability;
    private final CalendarBookings bookings;
    private final Clock clock;
    private final H2 range = new H2();
    private final Div days = new Div();
    private final Div message = new Div();
    private final Button dayButton;
    private final Button weekButton;
    private final Map<Long, Details> opened = new java.util.HashMap<>();
    private LocalDate date;
    private boolean week;

    CalendarView(Availability availability, CalendarBookings bookings, Clock clock) {
        this.availability = availability;
        this.bookings = bookings;
        this.clock = clock;
        addClassNames("page", "wide", "booking-calendar");
        add(new H1(getTranslation("calendar.title")));
        add(new Paragraph(getTranslation("calendar.intro")));
        dayButton = new Button(getTranslation("calendar.day"), e -> go(date, false));
        dayButton.setId("calendar-day");
        weekButton = new Button(getTranslation("calendar.week"), e -> go(date, true));
        weekButton.setId("calendar-week");
        var previous = new Button(getTranslation("calendar.previous"), e -> go(date.minusDays(week ? 7 : 1), week));
        previous.setId("calendar-previous");
        var today = new Button(getTranslation("calendar.today"), e -> go(today(), week));
        today.setId("calendar-today");
        var next = new Button(getTranslation("calendar.next"), e -> go(date.plusDays(week ? 7 : 1), week));
        next.setId("calendar-next");
        var views = new Div(dayButton, weekButton);
        views.addClassName("calendar-views");
        views.getElement().setAttribute("role", "group");
        views.getElement().setAttribute("aria-label", getTranslation("calendar.viewLabel"));
        var moves = new Div(previous, today, next);
        moves.addClassName("calendar-moves");
        moves.getElement().setAttribute("role", "group");
        moves.getElement().setAttribute("aria-label", getTranslation("calendar.moveLabel"));
        var bar = new Div(views, moves);
        bar.addClassName("calendar-bar");
        range.setId("calendar-range");
        message.getElement().setAttribute("aria-live", "polite");
        days.setId("calendar-days");
        add(bar, range, message, days);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("calendar.title");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        week = !"day".equals(first(params, "view"));
        date = parse(first(params, "date"));
        show();
    }

    private static String first(Map<String, List<String>> params, String name) {
        var values = params.get(name);
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }

    private LocalDate parse(String text) {
        try {
            LocalDate d = LocalDate.parse(text);
            // a far-off date in a hand-typed address shows today instead of an empty year
            return d.isBefore(today().minusYears(2)) || d.isAfter(today().plusYears(2)) ? today() : d;
        } catch (RuntimeException e) {
            return today();
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Times.ZONE));
    }

    private void go(LocalDate to, boolean asWeek) {
        getUI().ifPresent(ui -> ui.navigate(CalendarView.class,
                QueryParameters.simple(Map.of("view", asWeek ? "week" : "day", "date", to.toString()))));
    }

    private void show() {
        dayButton.getElement().setAttribute("aria-pressed", String.valueOf(!week));
        weekButton.getElement().setAttribute("aria-pressed", String.valueOf(week));
        dayButton.setThemeName(week ? "tertiary" : "primary");
        weekButton.setThemeName(week ? "primary" : "tertiary");
        LocalDate first = week ? date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : date;
        LocalDate end = first.plusDays(week ? 7 : 1);
        range.setText(week ? getTranslation("calendar.weekOf", longDay(first))
                : longDay(first));
        days.removeAll();
        opened.clear();
        List<Slot> sessions = availability.mySessions(first, end);
        for (LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
            LocalDate d = day;
            var mine = sessions.stream().filter(s -> s.startsAt().atZone(Times.ZONE).toLocalDate().equals(d)).toList();
            var section = new Div();
            section.addClassName("calendar-day");
            if (week) {
                section.add(new H3(longDay(day)));
            }
            if (mine.isEmpty()) {
                var none = new Paragraph(getTranslation("calendar.none"));
                none.addClassName("calendar-none");
                section.add(none);
            }
            mine.forEach(s -> section.add(session(s)));
            days.add(section);
        }
    }

    private String longDay(LocalDate day) {
        Locale locale = org.village.shared.Times.forDates(getLocale());
        return day.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale));
    }

    private Component session(Slot s) {
        var summary = new Span(getTranslation("calendar.summary", Recurrence.label(s.startsAt()),
                Recurrence.label(s.endsAt()), s.typeName(),
                s.cancelled() ? getTranslation("calendar.cancelled")
                        : getTranslation("calendar.places", s.placesTaken(), s.capacity())));
        var details = new Details(summary);
        details.setId("session-" + s.id());
        opened.put(s.id(), details);
        details.addClassName("calendar-session");
        if (s.cancelled()) {
            details.addClassName("cancelled");
        }
        details.addOpenedChangeListener(e -> {
            if (e.isOpened() && details.getContent().findAny().isEmpty()) {
                details.add(sessionDetail(s));
            }
        });
        return details;
    }

    /** What the worker can see and do for one session; built when it is opened. */
    private Component sessionDetail(Slot s) {
        var box = new Div();
        box.addClassName("session-detail");
        box.add(new H4(getTranslation("calendar.whoIsBooked")));
        box.add(bookings.who(s, done -> refresh(s.id(), done)));
        if (!s.cancelled()) {
            box.add(bookings.bookFamily(s, done -> refresh(s.id(), done)));
            box.add(bookings.capacity(s, done -> refresh(s.id(), done)));
        }
        box.add(notes(s));
        if (!s.cancelled()) {
            box.add(bookings.cancelSession(s, done -> refresh(s.id(), done)));
        }
        return box;
    }

    /** After a change to who is booked: the page again, with this session open (its places may have changed). */
    private void refresh(long sessionId, String doneKey) {
        show();
        var again = opened.get(sessionId);
        if (again != null) {
            again.setOpened(true);
            again.getContent().findFirst().ifPresent(detail -> ((Div) detail).addComponentAsFirst(
                    Forms.notice("success", getTranslation(doneKey))));
        }
    }

    private Component notes(Slot s) {
        var box = new Div();
        box.add(new H4(getTranslation("calendar.notes")));
        box.add(new Paragraph(getTranslation("calendar.notesPrivate")));
        var list = new UnorderedList();
        list.addClassName("session-notes");
        list.setId("notes-" + s.id());
        Runnable fill = () -> {
            list.removeAll();
            for (var n : availability.notes(s.id())) {
                var when = new Span(Times.dateTime(n.createdAt(), getLocale()));
                when.addClassName("note-when");
                var body = new Paragraph(n.body());
                body.addClassName("note-body");
                list.add(new ListItem(when, body));
            }
        };
        fill.run();
        var text = new TextArea(getTranslation("calendar.note"));
        text.setId("note-text-" + s.id());
        text.setWidthFull();
        text.setMaxLength(Availability.MAX_NOTE + 500);
        var messages = new Div();
        messages.getElement().setAttribute("aria-live", "polite");
        var add = new Button(getTranslation("calendar.noteAdd"), e -> attempt(messages, Map.of("note", text), () -> {
            availability.addNote(s.id(), text.getValue());
            text.clear();
            fill.run();
        }, "calendar.noteAdded"));
        add.setId("note-add-" + s.id());
        box.add(list, text, add, messages);
        return box;
    }

    /** Runs a change; on a problem shows it by its field (or for the part) and keeps everything typed. */
    private void attempt(Div messages, Map<String, ? extends HasValidation> fields, Runnable change, String doneKey) {
        messages.removeAll();
        try {
            change.run();
            fields.values().forEach(f -> f.setInvalid(false));
            messages.add(Forms.notice("success", getTranslation(doneKey)));
        } catch (InputProblem problem) {
            if (!Forms.show(problem, fields)) {
                messages.add(Forms.notice("error", problem.message(getLocale())));
            }
        }
    }
}
