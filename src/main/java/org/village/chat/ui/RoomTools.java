package org.village.chat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.village.chat.Chat;
import org.village.chat.ChatService;
import org.village.shared.InputProblem;

/**
 * A moderator's tools for the whole room (MODERATE; the chat service checks again and audits each change): slow mode,
 * read-only, open for a few hours or close for a few hours, back to the usual hours, take a member out of the room.
 * Every change reaches everyone in the room live (the service tells the room it changed).
 */
final class RoomTools extends Div {

    static final List<Integer> SLOW = List.of(0, 10, 30, 60, 300);
    static final List<Duration> FOR = List.of(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4));

    private final Paragraph status = new Paragraph();
    private final Select<Map.Entry<String, Long>> member = new Select<>();
    private final Supplier<Map<String, Long>> people;

    RoomTools(ChatService chat, Chat.Room room, Clock clock, Supplier<Map<String, Long>> people, Runnable changed) {
        long roomId = room.id();
        this.people = people;
        addClassName("chat-room-tools");
        status.setId("chat-tools-status");
        status.getElement().setAttribute("role", "status");

        var slow = new Select<Integer>();
        slow.setLabel(getTranslation("chat.tools.slowMode"));
        slow.setId("chat-slow-mode");
        slow.setItems(SLOW);
        slow.setItemLabelGenerator(s -> s == 0 ? getTranslation("chat.tools.slowOff") : getTranslation("chat.tools.slowEvery", s));
        slow.setValue(SLOW.contains(room.slowModeSeconds()) ? room.slowModeSeconds() : 0);
        slow.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                run(() -> chat.slowMode(roomId, e.getValue()), e.getValue() == 0 ? "chat.tools.slowOffDone" : "chat.tools.slowDone",
                        changed);
            }
        });

        var readOnly = new Button(getTranslation(room.readOnly() ? "chat.tools.writable" : "chat.tools.readOnly"));
        readOnly.setId("chat-read-only-toggle");
        readOnly.getElement().setAttribute("aria-pressed", Boolean.toString(room.readOnly()));
        readOnly.addClickListener(e -> {
            boolean now = !Boolean.parseBoolean(readOnly.getElement().getAttribute("aria-pressed"));
            if (run(() -> chat.readOnly(roomId, now), now ? "chat.tools.readOnlyDone" : "chat.tools.writableDone", changed)) {
                readOnly.setText(getTranslation(now ? "chat.tools.writable" : "chat.tools.readOnly"));
                readOnly.getElement().setAttribute("aria-pressed", Boolean.toString(now));
            }
        });

        var howLong = new Select<Duration>();
        howLong.setLabel(getTranslation("chat.tools.for"));
        howLong.setId("chat-for");
        howLong.setItems(FOR);
        howLong.setItemLabelGenerator(d -> getTranslation("chat.tools.hours", d.toHours()));
        howLong.setValue(FOR.getFirst());
        var open = new Button(getTranslation("chat.tools.openNow"));
        open.setId("chat-open-now");
        open.addClickListener(e -> run(() -> chat.openUntil(roomId, clock.instant().plus(howLong.getValue())),
                "chat.tools.openDone", changed));
        var close = new Button(getTranslation("chat.tools.closeNow"));
        close.setId("chat-close-now");
        close.addClickListener(e -> run(() -> chat.closeUntil(roomId, clock.instant().plus(howLong.getValue())),
                "chat.tools.closeDone", changed));
        var usual = new Button(getTranslation("chat.tools.usualHours"));
        usual.setId("chat-usual-hours");
        usual.addClickListener(e -> run(() -> chat.usualHours(roomId), "chat.tools.usualDone", changed));

        member.setLabel(getTranslation("chat.tools.member"));
        member.setId("chat-member");
        member.setItemLabelGenerator(Map.Entry::getKey);
        member.setItems(List.copyOf(people.get().entrySet()));
        // people seen in the room change while the page is open: the list is read again when it is opened
        member.addAttachListener(e -> member.getElement().addEventListener("opened-changed",
                ev -> member.setItems(List.copyOf(people.get().entrySet()))));
        var remove = new Button(getTranslation("chat.tools.remove"));
        remove.setId("chat-remove-member");
        remove.addClickListener(e -> {
            if (member.getValue() == null) {
                member.setErrorMessage(getTranslation("chat.tools.pickMember"));
                member.setInvalid(true);
                return;
            }
            member.setInvalid(false);
            run(() -> chat.remove(roomId, member.getValue().getValue(), true), "chat.tools.removed", () -> { });
        });

        // members paused or taken out now, each with a way to undo it
        var restricted = new Div();
        restricted.setId("chat-restricted");
        Runnable[] showRestricted = new Runnable[1];
        showRestricted[0] = () -> {
            restricted.removeAll();
            for (var r : chat.restricted(roomId)) {
                var undo = new Button(getTranslation("chat.tools.letBack", r.name()));
                undo.addClassName("chat-let-back");
                undo.addClickListener(e -> run(() -> {
                    if (r.mutedUntil() != null) {
                        chat.mute(roomId, r.accountId(), null);
                    }
                    if (r.removed()) {
                        chat.remove(roomId, r.accountId(), false);
                    }
                }, "chat.tools.letBackDone", showRestricted[0]));
                restricted.add(undo);
            }
        };
        showRestricted[0].run();
        remove.addClickListener(e -> showRestricted[0].run());

        var body = new Div(slow, new Div(readOnly), new Div(howLong, open, close, usual), new Div(member, remove), restricted,
                status);
        body.addClassName("chat-tools-body");
        var details = new Details(getTranslation("chat.tools.title"), body);
        details.setId("chat-room-tools");
        add(details);
    }

    /** The people the room knows changed (the first messages were read): the member list follows. */
    void refreshPeople() {
        var chosen = member.getValue();
        member.setItems(List.copyOf(people.get().entrySet()));
        if (chosen != null && people.get().containsKey(chosen.getKey())) {
            member.setValue(Map.entry(chosen.getKey(), chosen.getValue()));
        }
    }

    private boolean run(Runnable action, String doneKey, Runnable after) {
        try {
            action.run();
            status.setText(getTranslation(doneKey));
            after.run();
            return true;
        } catch (InputProblem problem) {
            status.setText(problem.message(getLocale()));
            return false;
        }
    }
}
