package org.village.booking.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.village.booking.BookingRequest;
import org.village.booking.BookingStatus;
import org.village.booking.Bookings;
import org.village.booking.Member;
import org.village.booking.SessionSlot;
import org.village.booking.Wording;
import org.village.shared.InputProblem;
import org.village.shared.Roles;
import org.village.shared.Times;
import org.village.shared.ui.Forms;

/**
 * Sessions a parent can book, by type and date, on a phone: what happens, who runs it, how long, where, and the
 * places left. Booking asks who is coming (only this family's people) and for a note; a full session offers the
 * waiting list. A kind message never loses what was typed; a retry (double tap) gives the first booking back.
 */
@Route("sessions")
@Menu(order = 43, title = "Book a session")
@RolesAllowed(Roles.PARENT)
class SessionsView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    private final Bookings bookings;
    private final Clock clock;
    private static final int PAGE = 20;
    private final Select<String> type = new Select<>();
    // British dates (4/12/2026 is 4 December), the page's language's words: as every date picker (LocalDates)
    private final DatePicker from = org.village.shared.ui.LocalDates.inReadersLanguage(new DatePicker());
    private final Div message = new Div();
    private final Div list = new Div();
    private final Button later = new Button();
    /** The last session shown (the next page starts after it) and the day whose heading was shown last. */
    private SessionSlot last;
    private LocalDate lastDay;
    /** The day and type the list shows (changing the fields without "Show sessions" does not change "later"). */
    private LocalDate shownDay;
    private String shownType;
    private final Map<String, String> typeNames = new java.util.LinkedHashMap<>();

    SessionsView(Bookings bookings, Clock clock) {
        this.bookings = bookings;
        this.clock = clock;
        addClassName("page");
        add(new H1(getTranslation("booking.sessions.title")), new Paragraph(getTranslation("booking.sessions.intro")));
        bookings.types().forEach(t -> typeNames.put(t.code(), t.name()));
        type.setLabel(getTranslation("booking.sessions.type"));
        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption(getTranslation("booking.sessions.anyType"));
        type.setItems(new ArrayList<>(typeNames.keySet()));
        type.setItemLabelGenerator(code -> code == null ? getTranslation("booking.sessions.anyType") : typeNames.get(code));
        LocalDate today = LocalDate.now(clock.withZone(Times.ZONE));
        from.setLabel(getTranslation("booking.polish.sessions.from"));
        from.setValue(today);
        from.setMin(today);
        from.setMax(today.plusDays(92));
        var show = new Button(getTranslation("booking.sessions.show"), e -> load());
        show.setId("show-sessions");
        var filters = new Div(type, from, show);
        filters.addClassName("booking-filters");
        filters.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0.5em").set("align-items", "end");
        message.getElement().setAttribute("aria-live", "polite");
        list.setId("session-list");
        // said once for the whole page, not on every full session
        var waitingExplained = new Paragraph(getTranslation("booking.polish.sessions.waitingExplained"));
        waitingExplained.addClassName("waiting-explained");
        later.setText(getTranslation("booking.polish.sessions.later"));
        later.setId("later-sessions");
        later.addClickListener(e -> more());
        later.setVisible(false);
        add(filters, waitingExplained, message, list, later);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var wanted = event.getLocation().getQueryParameters().getSingleParameter("type").orElse(null);
        if (wanted != null && typeNames.containsKey(wanted)) {
            type.setValue(wanted);
        }
        load();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("booking.sessions.title");
    }

    /** The first page from the chosen day: a few sessions at a time, under a heading for each day. */
    private void load() {
        message.removeAll();
        list.removeAll();
        last = null;
        lastDay = null;
        later.setVisible(false);
        shownDay = from.getValue() == null ? LocalDate.now(clock.withZone(Times.ZONE)) : from.getValue();
        shownType = type.getValue();
        page(true);
    }

    /** The next sessions after the last one shown (focus moves to the first new one, for keyboards and readers). */
    private void more() {
        page(false);
    }

    private void page(boolean first) {
        try {
            var page = bookings.sessionPage(shownDay, shownType, last, PAGE);
            if (first && page.sessions().isEmpty()) {
                list.add(new Paragraph(getTranslation("booking.sessions.none")));
            }
            int year = LocalDate.now(clock.withZone(Times.ZONE)).getYear();
            Div firstNew = null;
            for (var s : page.sessions()) {
                LocalDate day = s.startsAt().atZone(Times.ZONE).toLocalDate();
                if (!day.equals(lastDay)) {
                    var heading = new H2(Wording.day(s.startsAt(), getLocale(), year));
                    heading.addClassName("session-day");
                    list.add(heading);
                    lastDay = day;
                }
                var card = card(s, year);
                list.add(card);
                if (firstNew == null) {
                    firstNew = card;
                }
                last = s;
            }
            later.setVisible(page.more());
            if (!first && firstNew != null) {
                firstNew.getElement().setAttribute("tabindex", "-1");
                firstNew.getElement().callJsFunction("focus");
            }
        } catch (InputProblem p) {
            message.add(Forms.notice("error", p.message(getLocale())));
        }
    }

    private Div card(SessionSlot s, int year) {
        var card = new Div();
        card.addClassName("session-card");
        card.getElement().setAttribute("data-session", String.valueOf(s.id()));
        card.getStyle().set("border", "1px solid var(--lumo-contrast-30pct)").set("border-radius", "8px")
                .set("padding", "0.75em").set("margin-block", "0.75em");
        card.add(new H3(s.typeName()));
        var when = new Paragraph(getTranslation("booking.polish.sessions.when",
                Wording.when(s.startsAt(), s.endsAt(), getLocale(), year), s.minutes()));
        when.addClassName("session-when");
        card.add(when);
        if (!s.workerFirstName().isEmpty()) {
            card.add(new Paragraph(getTranslation("booking.sessions.with", s.workerFirstName())));
        }
        card.add(new Paragraph(getTranslation("booking.place." + s.placeKind().toLowerCase(java.util.Locale.ROOT),
                s.placeDetail())));
        var what = new Paragraph(s.description());
        what.getStyle().set("white-space", "pre-line");
        card.add(what);
        if (s.seriesLength() > 1) {
            card.add(new Paragraph(getTranslation("booking.sessions.course", s.seriesLength())));
        }
        var places = new Paragraph(s.placesLeft() > 0 ? getTranslation("booking.sessions.placesLeft", s.placesLeft())
                : getTranslation("booking.polish.sessions.full"));
        places.addClassName("places");
        card.add(places);
        var open = new Button(getTranslation(s.placesLeft() > 0 ? "booking.sessions.book" : "booking.sessions.joinWaiting"));
        open.addClassName("open-booking");
        open.addClickListener(e -> {
            open.setVisible(false);
            card.add(form(s, places));
        });
        card.add(open);
        return card;
    }

    /**
     * The booking form inside a card; its key makes a double tap or a resend one booking. When the last place has
     * just gone, the card's places line says so too (not the stale count it was opened with).
     */
    private Div form(SessionSlot s, Paragraph places) {
        String key = "ui-" + UUID.randomUUID();
        var form = new Div();
        form.addClassName("booking-form");
        var who = new CheckboxGroup<Member>();
        who.setLabel(getTranslation("booking.form.who"));
        // only the people who may come to this kind of session, and the sensible ones ticked (they can change it)
        var choice = bookings.memberChoice(s.id());
        who.setItems(choice.eligible());
        who.setItemLabelGenerator(Member::name);
        who.setHelperText(getTranslation(s.attendees().contains("PARENTS") && s.attendees().size() == 1
                ? "booking.polish.form.whoParents" : s.attendees().contains("PARENTS")
                ? "booking.polish.form.whoFamily" : "booking.polish.form.whoChildren"));
        choice.eligible().stream().filter(m -> choice.ticked().contains(m.key())).forEach(who::select);
        var note = new TextArea(getTranslation("booking.form.note"));
        note.setHelperText(getTranslation("booking.form.noteHelp", Bookings.MAX_NOTE));
        note.setWidthFull();
        var notice = new Div();
        notice.getElement().setAttribute("aria-live", "assertive");
        var book = new Button(getTranslation(s.placesLeft() > 0 ? "booking.form.book" : "booking.form.joinWaiting"));
        book.addThemeVariants(ButtonVariant.PRIMARY);
        book.addClassName("confirm-booking");
        book.setDisableOnClick(true);
        var waiting = new Button(getTranslation("booking.form.joinWaiting"));
        waiting.addClassName("join-waiting");
        waiting.setVisible(false);
        waiting.setDisableOnClick(true);
        java.util.function.Consumer<Boolean> attempt = wait -> {
            notice.removeAll();
            var request = new BookingRequest(s.id(), who.getSelectedItems().stream().map(Member::key).toList(),
                    note.getValue(), wait ? key + "-w" : key);
            try {
                var view = wait || s.placesLeft() == 0 ? bookings.joinWaitingList(request) : bookings.book(request);
                form.removeAll();
                form.add(Forms.notice("success", getTranslation(view.status() == BookingStatus.WAITING
                        ? "booking.form.waiting" : view.status() == BookingStatus.REQUESTED ? "booking.form.requested"
                        : "booking.form.booked")));
                form.add(new com.vaadin.flow.component.html.Anchor("my-sessions", getTranslation("booking.form.seeMine")));
            } catch (InputProblem p) {
                if (!Forms.show(p, Map.of("members", who, "note", note))) {
                    notice.add(Forms.notice("error", p.message(getLocale())));
                }
                if (Bookings.FULL.equals(p.key())) {
                    places.setText(getTranslation("booking.polish.sessions.full"));
                    book.setVisible(false);
                    waiting.setVisible(true);
                }
            } finally {
                book.setEnabled(true);
                waiting.setEnabled(true);
            }
        };
        book.addClickListener(e -> attempt.accept(false));
        waiting.addClickListener(e -> attempt.accept(true));
        form.add(who, note, notice, new Div(book, waiting));
        return form;
    }
}
