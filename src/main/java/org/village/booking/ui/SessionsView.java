package org.village.booking.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
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
    private final Select<String> type = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Div message = new Div();
    private final Div list = new Div();
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
        from.setLabel(getTranslation("booking.sessions.from"));
        to.setLabel(getTranslation("booking.sessions.to"));
        from.setValue(today);
        to.setValue(today.plusWeeks(4));
        from.setMin(today);
        to.setMin(today);
        var show = new Button(getTranslation("booking.sessions.show"), e -> load());
        show.setId("show-sessions");
        var filters = new Div(type, from, to, show);
        filters.addClassName("booking-filters");
        filters.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0.5em").set("align-items", "end");
        message.getElement().setAttribute("aria-live", "polite");
        list.setId("session-list");
        add(filters, message, list);
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

    private void load() {
        message.removeAll();
        list.removeAll();
        try {
            var sessions = bookings.sessions(from.getValue(), to.getValue(), type.getValue());
            if (sessions.isEmpty()) {
                list.add(new Paragraph(getTranslation("booking.sessions.none")));
            }
            sessions.forEach(s -> list.add(card(s)));
        } catch (InputProblem p) {
            message.add(Forms.notice("error", p.message(getLocale())));
        }
    }

    private Div card(SessionSlot s) {
        var card = new Div();
        card.addClassName("session-card");
        card.getElement().setAttribute("data-session", String.valueOf(s.id()));
        card.getStyle().set("border", "1px solid var(--lumo-contrast-30pct)").set("border-radius", "8px")
                .set("padding", "0.75em").set("margin-block", "0.75em");
        card.add(new H2(s.typeName()));
        card.add(new Paragraph(getTranslation("booking.sessions.when", Times.dateTime(s.startsAt(), getLocale()),
                s.minutes())));
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
                : getTranslation("booking.sessions.full"));
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
        var members = bookings.myFamilyMembers();
        who.setItems(members);
        who.setItemLabelGenerator(Member::name);
        if (!members.isEmpty()) {
            who.select(members.getFirst());
        }
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
                    places.setText(getTranslation("booking.sessions.full"));
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
