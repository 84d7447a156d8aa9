package org.village.booking.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.village.booking.BookingNotFound;
import org.village.booking.BookingStatus;
import org.village.booking.BookingView;
import org.village.booking.Bookings;
import org.village.booking.Member;
import org.village.booking.Wording;
import org.village.shared.InputProblem;
import org.village.shared.Roles;
import org.village.shared.Times;
import org.village.shared.ui.Forms;

/**
 * My family's sessions: upcoming (with places offered from the waiting list to take or turn down) and past. Cancel
 * before the cut-off (after it, the message says who to call), add to a calendar (.ics), and choose our own words
 * for e-mails and calendars.
 */
@Route("my-sessions")
@Menu(order = 44, title = "My sessions")
@RolesAllowed(Roles.PARENT)
class MySessionsView extends Div implements HasDynamicTitle {

    private final Bookings bookings;
    private final Div message = new Div();
    private final Div upcoming = new Div();
    private final Div past = new Div();
    private final Paragraph waitingExplained = new Paragraph();
    private final java.time.Clock clock;

    MySessionsView(Bookings bookings, java.time.Clock clock) {
        this.bookings = bookings;
        this.clock = clock;
        addClassName("page");
        message.getElement().setAttribute("aria-live", "polite");
        upcoming.setId("upcoming-sessions");
        past.setId("past-sessions");
        var book = new Anchor("sessions", getTranslation("booking.mine.bookAnother"));
        // the waiting list explained once, above the list, when one of ours is waiting or offered
        waitingExplained.setText(getTranslation("booking.polish.mine.waitingExplained"));
        waitingExplained.addClassName("waiting-explained");
        var upcomingHeading = new H2(getTranslation("booking.polish.mine.upcoming"));
        upcomingHeading.setId("upcoming-heading");
        var pastHeading = new H2(getTranslation("booking.polish.mine.past"));
        pastHeading.setId("past-heading");
        add(new H1(getTranslation("booking.mine.title")), message, book,
                upcomingHeading, waitingExplained, upcoming,
                pastHeading, past, wording());
        load();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("booking.mine.title");
    }

    private void load() {
        upcoming.removeAll();
        past.removeAll();
        var next = bookings.myBookings(true);
        var before = bookings.myBookings(false);
        next.forEach(b -> upcoming.add(card(b, true)));
        before.forEach(b -> past.add(card(b, false)));
        waitingExplained.setVisible(next.stream().anyMatch(b -> b.status() == BookingStatus.WAITING
                || b.status() == BookingStatus.OFFERED));
        if (next.isEmpty()) {
            upcoming.add(new Paragraph(getTranslation("booking.mine.noUpcoming")));
        }
        if (before.isEmpty()) {
            past.add(new Paragraph(getTranslation("booking.mine.noPast")));
        }
    }

    private Div card(BookingView b, boolean ahead) {
        var card = new Div();
        card.addClassName("booking-card");
        card.getElement().setAttribute("data-booking", String.valueOf(b.id()));
        card.getStyle().set("border", "1px solid var(--lumo-contrast-30pct)").set("border-radius", "8px")
                .set("padding", "0.75em").set("margin-block", "0.75em");
        int year = java.time.LocalDate.now(clock.withZone(Times.ZONE)).getYear();
        card.add(new H3(b.typeName()));
        var when = new Paragraph(Wording.when(b.startsAt(), b.endsAt(), getLocale(), year));
        when.addClassName("booking-when");
        card.add(when);
        var status = new Paragraph(getTranslation("booking.status." + b.status().name().toLowerCase(Locale.ROOT),
                b.waitingPosition(), b.offerExpiresAt() == null ? "" : Wording.moment(b.offerExpiresAt(), getLocale(), year)));
        status.addClassName("booking-status");
        card.add(status);
        if (b.sessionCancelled()) {
            card.add(new Paragraph(getTranslation("booking.mine.sessionCancelled")));
        }
        card.add(new Paragraph(getTranslation("booking.mine.who",
                b.members().stream().map(Member::name).collect(Collectors.joining(", ")))));
        if (!b.workerFirstName().isEmpty()) {
            card.add(new Paragraph(getTranslation("booking.sessions.with", b.workerFirstName())));
        }
        if (b.placeDetail() != null && !b.placeDetail().isBlank()) {
            card.add(new Paragraph(getTranslation("booking.place." + b.placeKind().toLowerCase(Locale.ROOT), b.placeDetail())));
        }
        if (!ahead || !b.status().active()) {
            return card;
        }
        var actions = new Div();
        actions.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0.5em");
        if (b.status() == BookingStatus.OFFERED) {
            var take = new Button(getTranslation("booking.mine.accept"), e -> act(() -> bookings.acceptOffer(b.id()),
                    "booking.mine.accepted"));
            take.addThemeVariants(ButtonVariant.PRIMARY);
            take.addClassName("accept-offer");
            take.setDisableOnClick(true);
            var no = new Button(getTranslation("booking.mine.decline"), e -> act(() -> bookings.declineOffer(b.id()),
                    "booking.mine.declined"));
            no.addClassName("decline-offer");
            actions.add(take, no);
        }
        if (b.status() == BookingStatus.BOOKED || b.status() == BookingStatus.REQUESTED) {
            var ics = DownloadHandler.fromInputStream(event -> {
                byte[] bytes = bookings.calendarFile(b.id());
                return new DownloadResponse(new ByteArrayInputStream(bytes), "session-" + b.id() + ".ics",
                        "text/calendar", bytes.length);
            });
            var add = new Anchor(ics, getTranslation("booking.mine.calendar"));
            add.addClassName("add-to-calendar");
            actions.add(add);
        }
        var cancel = new Button(getTranslation(b.status() == BookingStatus.WAITING ? "booking.mine.leaveWaiting"
                : "booking.mine.cancel"));
        cancel.addClassName("cancel-booking");
        cancel.addClickListener(e -> {
            var dialog = new ConfirmDialog();
            dialog.setHeader(getTranslation("booking.mine.cancelSure"));
            dialog.setText(getTranslation("booking.mine.cancelText"));
            dialog.setCancelable(true);
            dialog.setCancelText(getTranslation("booking.mine.keep"));
            dialog.setConfirmText(getTranslation("booking.mine.cancelYes"));
            dialog.addConfirmListener(c -> act(() -> bookings.cancel(b.id()), "booking.mine.cancelled"));
            Forms.openSafely(dialog);
        });
        actions.add(cancel);
        card.add(actions);
        return card;
    }

    private void act(Runnable action, String doneKey) {
        message.removeAll();
        try {
            action.run();
            message.add(Forms.notice("success", getTranslation(doneKey)));
        } catch (InputProblem p) {
            message.add(Forms.notice("error", p.message(getLocale())));
        } catch (BookingNotFound gone) {
            message.add(Forms.notice("error", getTranslation("booking.mine.gone")));
        }
        load();
    }

    private Div wording() {
        var box = new Div();
        box.add(new H2(getTranslation("booking.wording.title")), new Paragraph(getTranslation("booking.wording.intro")));
        var field = new TextField(getTranslation("booking.wording.label"));
        field.setId("own-wording");
        field.setValue(bookings.myWording());
        field.setHelperText(getTranslation("booking.wording.help", Wording.MAX_OWN));
        field.setWidthFull();
        var notice = new Div();
        notice.getElement().setAttribute("aria-live", "polite");
        var save = new Button(getTranslation("booking.wording.save"), e -> {
            notice.removeAll();
            try {
                bookings.saveMyWording(field.getValue());
                field.setInvalid(false);
                notice.add(Forms.notice("success", getTranslation("booking.wording.saved")));
            } catch (InputProblem p) {
                if (!Forms.show(p, Map.of("wording", field))) {
                    notice.add(Forms.notice("error", p.message(getLocale())));
                }
            }
        });
        save.setId("save-wording");
        box.add(field, save, notice);
        return box;
    }
}
