package org.village.booking.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.village.booking.Availability;
import org.village.booking.Availability.Slot;
import org.village.booking.BookingRequest;
import org.village.booking.BookingStatus;
import org.village.booking.BookingView;
import org.village.booking.Bookings;
import org.village.booking.Member;
import org.village.families.FamilyService;
import org.village.families.FamilyService.FamilySummary;
import org.village.shared.InputProblem;
import org.village.shared.ui.Forms;

/**
 * The parts of a calendar session that are about families (B1's {@link Bookings} service does the work and keeps
 * the database rules): who is booked or waiting, confirm or decline a request, who came, book a family in on their
 * behalf, the number of places, and cancelling the whole session (everyone booked is told kindly, with a link to
 * book another). Each part first checks, through {@link Availability#mySession}, that the session is the
 * worker's own, whatever id a stale page or a forged request sends.
 */
@org.springframework.stereotype.Component
class CalendarBookings {

    private final Bookings bookings;
    private final Availability availability;
    private final FamilyService families;
    private final Clock clock;

    CalendarBookings(Bookings bookings, Availability availability, FamilyService families, Clock clock) {
        this.bookings = bookings;
        this.availability = availability;
        this.families = families;
        this.clock = clock;
    }

    Component who(Slot s, Consumer<String> changed) {
        return new Who(s, changed);
    }

    Component bookFamily(Slot s, Consumer<String> changed) {
        return new BookFamily(s, changed);
    }

    Component capacity(Slot s, Consumer<String> changed) {
        return new Places(s, changed);
    }

    Component cancelSession(Slot s, Consumer<String> changed) {
        return new CancelSession(s, changed);
    }

    private Slot mine(long sessionId) {
        return availability.mySession(sessionId).orElseThrow(() -> InputProblem.keyed(null, "availability.problem.sessionGone"));
    }

    /** Runs a change for the session; a problem is shown in {@code messages}, or by its field, keeping what was typed. */
    private static void attempt(Div messages, Map<String, ? extends HasValidation> fields, Runnable change, Runnable done) {
        messages.removeAll();
        try {
            change.run();
            done.run();
        } catch (InputProblem problem) {
            if (!Forms.show(problem, fields)) {
                messages.add(Forms.notice("error", problem.message(messages.getUI().map(ui -> ui.getLocale()).orElse(java.util.Locale.ENGLISH))));
            }
        }
    }

    private static Div live() {
        var messages = new Div();
        messages.getElement().setAttribute("aria-live", "polite");
        return messages;
    }

    /** Everyone booked, asking, offered or waiting, with who comes and their note for the worker. */
    private final class Who extends Div {
        Who(Slot s, Consumer<String> changed) {
            sessionId = s.id();
            addClassName("session-families");
            var messages = live();
            var list = new UnorderedList();
            list.setId("families-" + s.id());
            list.addClassName("session-family-list");
            boolean started = !s.startsAt().isAfter(clock.instant());
            var rows = bookings.sessionBookings(mine(s.id()).id()).stream().filter(b -> b.status().active()).toList();
            if (rows.isEmpty()) {
                add(new Paragraph(getTranslation("calendar.nobody")));
            }
            int n = 0;
            for (BookingView b : rows) {
                n++;
                var item = new ListItem();
                item.addClassName("session-family");
                item.setId("booking-" + b.id());
                String family = families.canSee(b.familyId()) ? families.family(b.familyId()).label()
                        : getTranslation("calendar.familyNumber", n);
                var title = new Span(getTranslation("calendar.familyLine", family, status(b)));
                title.addClassName("session-family-title");
                item.add(title);
                item.add(new Paragraph(getTranslation("calendar.members",
                        b.members().stream().map(Member::name).collect(Collectors.joining(", ")))));
                if (b.note() != null && !b.note().isBlank()) {
                    var note = new Paragraph(getTranslation("calendar.familyNote", b.note()));
                    note.addClassName("session-family-note");
                    item.add(note);
                }
                var actions = new Div();
                actions.addClassName("list-form");
                if (b.status() == BookingStatus.REQUESTED) {
                    actions.add(action("calendar.confirm", "calendar.confirmFor", family, "confirm-" + b.id(), messages,
                            () -> bookings.confirm(b.id()), () -> changed.accept("calendar.confirmed"), false));
                    actions.add(action("calendar.decline", "calendar.declineFor", family, "decline-" + b.id(), messages,
                            () -> bookings.declineRequest(b.id()), () -> changed.accept("calendar.declined"), true));
                }
                if (started && b.status() == BookingStatus.BOOKED) {
                    actions.add(action("calendar.came", "calendar.cameFor", family, "came-" + b.id(), messages,
                            () -> bookings.markAttendance(b.id(), true), () -> changed.accept("calendar.attendanceSaved"), false));
                }
                if (b.status() == BookingStatus.ATTENDED) {
                    actions.add(action("calendar.cameUndo", "calendar.cameUndoFor", family, "came-undo-" + b.id(), messages,
                            () -> bookings.markAttendance(b.id(), false), () -> changed.accept("calendar.attendanceSaved"), false));
                }
                if (actions.getComponentCount() > 0) {
                    item.add(actions);
                }
                list.add(item);
            }
            add(messages, list);
        }

        private String status(BookingView b) {
            return b.status() == BookingStatus.WAITING
                    ? getTranslation("calendar.status.WAITING", b.waitingPosition())
                    : getTranslation("calendar.status." + b.status().name());
        }

        private final long sessionId;

        private Button action(String key, String labelKey, String family, String id, Div messages, Runnable change,
                              Runnable done, boolean quiet) {
            var button = new Button(getTranslation(key), e -> attempt(messages, Map.of(), () -> {
                mine(sessionId);
                change.run();
            }, done));
            button.setId(id);
            button.getElement().setAttribute("aria-label", getTranslation(labelKey, family));
            if (quiet) {
                button.addThemeVariants(ButtonVariant.TERTIARY);
            }
            return button;
        }

    }

    /** Book a family the worker looks after into this session, for named members, with a note. */
    private final class BookFamily extends Div {
        BookFamily(Slot s, Consumer<String> changed) {
            addClassName("session-book-family");
            add(new H4(getTranslation("calendar.bookFamily")));
            List<FamilySummary> mine = families.visibleFamilies();
            if (mine.isEmpty()) {
                add(new Paragraph(getTranslation("calendar.noFamilies")));
                return;
            }
            var family = new Select<FamilySummary>();
            family.setId("book-family-" + s.id());
            family.setLabel(getTranslation("calendar.family"));
            family.setItems(mine);
            family.setItemLabelGenerator(FamilySummary::label);
            var members = new CheckboxGroup<Member>(getTranslation("calendar.whoComes"));
            members.setId("book-members-" + s.id());
            members.setItemLabelGenerator(Member::name);
            family.addValueChangeListener(e -> {
                var list = new ArrayList<Member>();
                if (e.getValue() != null) {
                    e.getValue().parents().forEach(p -> list.add(new Member(Member.accountKey(p.id()), p.displayName())));
                    e.getValue().children().forEach(c -> list.add(new Member(Member.childKey(c.id()), c.name())));
                }
                members.setItems(list);
            });
            var note = new TextArea(getTranslation("calendar.bookNote"));
            note.setId("book-note-" + s.id());
            note.setMaxLength(Bookings.MAX_NOTE + 500);
            note.setWidthFull();
            var messages = live();
            Map<String, HasValidation> fields = Map.of("family", family, "members", members, "note", note);
            var book = new Button(getTranslation("calendar.bookFamilyButton"), e -> attempt(messages, fields, () -> {
                if (family.getValue() == null) {
                    throw InputProblem.keyed("family", "calendar.problem.family");
                }
                mine(s.id());
                bookings.bookOnBehalf(family.getValue().id(), new BookingRequest(s.id(),
                        members.getValue().stream().map(Member::key).toList(), note.getValue(), null));
            }, () -> changed.accept("calendar.booked")));
            book.setId("book-family-button-" + s.id());
            var form = new Div(family, members, note, book);
            form.addClassName("list-form");
            add(form, messages);
        }
    }

    /** The number of places: lowering it below the places taken is refused by the database. */
    private final class Places extends Div {
        Places(Slot s, Consumer<String> changed) {
            var places = new IntegerField(getTranslation("calendar.capacity"));
            places.setId("capacity-" + s.id());
            places.setValue(s.capacity());
            places.setMin(1);
            places.setStepButtonsVisible(true);
            places.setHelperText(getTranslation("calendar.capacityHelp", s.placesTaken()));
            var messages = live();
            var save = new Button(getTranslation("calendar.capacitySave"), e -> attempt(messages, Map.of("capacity", places), () -> {
                mine(s.id());
                bookings.changeCapacity(s.id(), places.getValue() == null ? 0 : places.getValue());
            }, () -> changed.accept("calendar.capacitySaved")));
            save.setId("capacity-save-" + s.id());
            var form = new Div(places, save);
            form.addClassName("list-form");
            add(form, messages);
        }
    }

    /** Cancels the whole session after a question that starts on "Keep it". */
    private final class CancelSession extends Div {
        CancelSession(Slot s, Consumer<String> changed) {
            var messages = live();
            var cancel = new Button(getTranslation("calendar.cancelSession"), e -> {
                var dialog = new ConfirmDialog();
                dialog.setHeader(getTranslation("calendar.cancelTitle"));
                dialog.setText(getTranslation("calendar.cancelText", s.placesTaken()));
                dialog.setCancelable(true);
                dialog.setCancelText(getTranslation("calendar.cancelKeep"));
                dialog.setConfirmText(getTranslation("calendar.cancelConfirm"));
                dialog.setConfirmButtonTheme("error primary");
                dialog.addConfirmListener(c -> attempt(messages, Map.of(), () -> {
                    mine(s.id());
                    bookings.cancelSession(s.id());
                }, () -> changed.accept("calendar.cancelledDone")));
                Forms.openSafely(dialog);
            });
            cancel.setId("cancel-session-" + s.id());
            cancel.addThemeVariants(ButtonVariant.ERROR);
            add(cancel, messages);
        }
    }
}
