package org.village.moderation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.village.moderation.CaseKind;
import org.village.moderation.CaseLine;
import org.village.moderation.ModeratedContent.Action;
import org.village.moderation.ModerationDesk;
import org.village.moderation.ModeratedContent;
import org.village.moderation.ModeratedContent.PlaceAction;
import org.village.moderation.ModerationDesk.CaseDetail;
import org.village.moderation.ModerationDesk.Result;
import org.village.shared.InputProblem;
import org.village.shared.Roles;
import org.village.shared.Times;

/**
 * The moderation queue (issue 10): urgent, reported, held and pending items with their counts, oldest first; one
 * item at a time in its context with its reports, the writer's history, notes and what moderators may do. The
 * address names the tab and the item ({@code ?tab=pending&case=12}), so a reload or a link opens the same place.
 * When another moderator acted first, the moderator is told kindly and sees the item as it is now.
 */
@Route("moderation/queue")
@PageTitle("Moderation queue")
@Menu(order = 54, title = "Moderation queue")
@RolesAllowed({Roles.PEER_SUPPORTER, Roles.WORKER, Roles.ADMIN})
class QueueView extends Div implements BeforeEnterObserver {

    static final Map<String, Duration> SILENCES = new LinkedHashMap<>();

    static {
        SILENCES.put("hour", Duration.ofHours(1));
        SILENCES.put("day", Duration.ofDays(1));
        SILENCES.put("threeDays", Duration.ofDays(3));
        SILENCES.put("week", Duration.ofDays(7));
    }

    private final ModerationDesk desk;
    private final Div tabs = new Div();
    private final Div list = new Div();
    private final Div detail = new Div();
    private final Paragraph status = new Paragraph();
    private CaseKind kind = CaseKind.URGENT;
    private long caseId;
    private final List<Checkbox> picks = new ArrayList<>();

    QueueView(ModerationDesk desk) {
        this.desk = desk;
        addClassNames("page", "moderation-queue");
        status.getElement().setAttribute("role", "status");
        status.setId("queue-status");
        tabs.addClassName("queue-tabs");
        tabs.getElement().setAttribute("role", "navigation");
        list.addClassName("queue-list");
        list.setId("queue-list");
        detail.addClassName("queue-detail");
        detail.setId("queue-detail");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!desk.canModerate()) {
            throw new AccessDeniedException("Only moderators use the moderation queue");
        }
        var q = event.getLocation().getQueryParameters();
        kind = q.getSingleParameter("tab").flatMap(QueueView::kindOf).orElse(null);
        caseId = q.getSingleParameter("case").map(QueueView::number).orElse(0L);
        removeAll();
        tabs.getElement().setAttribute("aria-label", getTranslation("moderation.queue.tabs"));
        add(new H1(getTranslation("moderation.queue.title")), new Paragraph(getTranslation("moderation.queue.intro")), tabs,
                status, list, detail);
        if (kind == null) {
            var counts = desk.counts();
            kind = java.util.Arrays.stream(CaseKind.values()).filter(k -> counts.of(k) > 0).findFirst().orElse(CaseKind.URGENT);
        }
        show();
    }

    private static java.util.Optional<CaseKind> kindOf(String s) {
        return java.util.Arrays.stream(CaseKind.values()).filter(k -> k.name().equalsIgnoreCase(s)).findFirst();
    }

    private static long number(String s) {
        return s.matches("\\d{1,15}") ? Long.parseLong(s) : 0L;
    }

    private void go(CaseKind k, long id) {
        kind = k;
        caseId = id;
        var params = new LinkedHashMap<String, String>();
        params.put("tab", k.name().toLowerCase(Locale.ROOT));
        if (id > 0) {
            params.put("case", Long.toString(id));
        }
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new com.vaadin.flow.router.Location("moderation/queue", QueryParameters.simple(params))));
        show();
    }

    private void show() {
        showTabs();
        showList();
        showDetail();
    }

    private void showTabs() {
        tabs.removeAll();
        var counts = desk.counts();
        for (CaseKind k : CaseKind.values()) {
            var tab = new Button(getTranslation("moderation.kind." + k.name().toLowerCase(Locale.ROOT) + ".tab", counts.of(k)));
            tab.setId("queue-tab-" + k.name().toLowerCase(Locale.ROOT));
            tab.getElement().setAttribute("aria-current", k == kind ? "page" : "false");
            if (k == kind) {
                tab.addThemeVariants(ButtonVariant.PRIMARY);
            }
            tab.addClickListener(e -> go(k, 0));
            tabs.add(tab);
        }
    }

    private void showList() {
        list.removeAll();
        picks.clear();
        var lines = desk.queue(kind, 100);
        list.add(new H2(getTranslation("moderation.kind." + kind.name().toLowerCase(Locale.ROOT) + ".title")));
        if (lines.isEmpty()) {
            list.add(new Paragraph(getTranslation("moderation.queue.empty")));
            return;
        }
        var items = new UnorderedList();
        items.addClassName("queue-items");
        for (CaseLine line : lines) {
            var li = new ListItem();
            li.addClassName("queue-item");
            li.setId("queue-case-" + line.caseId());
            if (kind == CaseKind.PENDING) {
                var pick = new Checkbox(getTranslation("moderation.queue.pick", line.authorName()));
                pick.getElement().setProperty("caseId", Long.toString(line.caseId()));
                pick.addClassName("queue-pick");
                picks.add(pick);
                li.add(pick);
            }
            var open = new Button(line.place().isBlank() ? getTranslation("moderation.queue.gone") : line.place());
            open.addThemeVariants(ButtonVariant.TERTIARY);
            open.addClassName("queue-open");
            open.addClickListener(e -> go(kind, line.caseId()));
            var meta = new Span(getTranslation("moderation.queue.meta", line.authorName(), when(line.openedAt()), line.reports()));
            meta.addClassName("queue-meta");
            var excerpt = new Paragraph(line.excerpt());
            excerpt.addClassName("queue-excerpt");
            li.add(open, meta, excerpt);
            if (line.risk() != null) {
                li.add(badge("moderation.risk." + line.risk().name().toLowerCase(Locale.ROOT)));
            }
            items.add(li);
        }
        list.add(items);
        if (kind == CaseKind.PENDING) {
            var approveAll = new Button(getTranslation("moderation.queue.approveSelected"));
            approveAll.setId("queue-approve-selected");
            approveAll.addThemeVariants(ButtonVariant.PRIMARY);
            approveAll.setDisableOnClick(true);
            approveAll.addClickListener(e -> {
                var chosen = new ArrayList<ModerationDesk.Pick>();
                for (Checkbox c : picks) {
                    if (c.getValue()) {
                        chosen.add(new ModerationDesk.Pick(Long.parseLong(c.getElement().getProperty("caseId")), "PENDING"));
                    }
                }
                if (chosen.isEmpty()) {
                    status.setText(getTranslation("moderation.queue.noneSelected"));
                    approveAll.setEnabled(true);
                    return;
                }
                int done = desk.approveAll(chosen);
                status.setText(getTranslation(done == chosen.size() ? "moderation.queue.approvedAll" : "moderation.queue.approvedSome",
                        done, chosen.size() - done));
                caseId = 0;
                show();
            });
            list.add(approveAll);
        }
    }

    private Span badge(String key) {
        var s = new Span(getTranslation(key));
        s.addClassName("forum-badge");
        return s;
    }

    private String when(Instant at) {
        return Times.dateTime(at, getLocale());
    }

    private void showDetail() {
        detail.removeAll();
        if (caseId <= 0) {
            return;
        }
        var found = desk.detail(caseId);
        if (found.isEmpty()) {
            detail.add(new Paragraph(getTranslation("moderation.queue.gone")));
            return;
        }
        CaseDetail d = found.get();
        var item = d.item();
        var head = new H2(item.place());
        head.setId("queue-detail-title");
        detail.add(head);
        detail.add(new Paragraph(getTranslation("moderation.detail.who", item.authorName(), when(item.writtenAt()),
                getTranslation("moderation.state." + item.state().toLowerCase(Locale.ROOT)))));
        d.family().ifPresent(f -> detail.add(new Paragraph(getTranslation("moderation.detail.family", f))));
        if (!d.open()) {
            detail.add(badge("moderation.detail.closed"));
        }
        if (d.reason() != null && !d.reason().isBlank()) {
            detail.add(new Paragraph(getTranslation("moderation.detail.why", d.reason())));
        }
        if (!item.before().isEmpty()) {
            detail.add(new H3(getTranslation("moderation.detail.before")));
            for (String b : item.before()) {
                var p = new Paragraph(b);
                p.addClassName("queue-before");
                detail.add(p);
            }
        }
        detail.add(new H3(getTranslation("moderation.detail.text")));
        var body = new Div();
        body.addClassName("queue-body");
        body.setId("queue-body");
        for (String para : item.body().split("\\n")) {
            body.add(new Paragraph(para));
        }
        detail.add(body);
        var inPlace = new Anchor("/" + item.link(), getTranslation("moderation.detail.inPlace"));
        inPlace.setId("queue-in-place");
        detail.add(new Paragraph(inPlace));
        if (d.open()) {
            detail.add(actions(d));
        }
        desk.placeOf(d.caseId()).ifPresent(place -> detail.add(placeTools(d, place)));
        if (!d.reports().isEmpty()) {
            detail.add(new H3(getTranslation("moderation.detail.reports", d.reports().size())));
            var ul = new UnorderedList();
            for (var r : d.reports()) {
                ul.add(new ListItem(getTranslation("moderation.reason." + r.reason().name().toLowerCase(Locale.ROOT))
                        + " · " + when(r.at()) + (r.text() == null ? "" : " · " + r.text())));
            }
            detail.add(ul);
        }
        detail.add(new H3(getTranslation("moderation.detail.history")));
        if (d.history().isEmpty()) {
            detail.add(new Paragraph(getTranslation("moderation.detail.noHistory")));
        } else {
            var ul = new UnorderedList();
            for (var h : d.history()) {
                ul.add(new ListItem(h.place() + " · " + getTranslation("moderation.state." + h.state().toLowerCase(Locale.ROOT))
                        + " · " + when(h.writtenAt()) + " · " + excerpt(h.body())));
            }
            detail.add(ul);
        }
        detail.add(sanctions(d), notes(d));
    }

    private static String excerpt(String body) {
        String plain = body.replaceAll("\\s+", " ").strip();
        return plain.length() <= 120 ? plain : plain.substring(0, 119) + "…";
    }

    private Component actions(CaseDetail d) {
        var box = new Section();
        box.addClassName("queue-actions");
        box.add(new H3(getTranslation("moderation.action.title")));
        String state = d.item().state();
        var reason = new TextField(getTranslation("moderation.action.reason"));
        reason.setId("queue-reason");
        reason.setHelperText(getTranslation("moderation.action.reasonHelp"));
        reason.setMaxLength(ModerationDesk.REASON_MAX + 50);
        reason.setWidthFull();
        var buttons = new Div();
        buttons.addClassName("queue-buttons");
        boolean published = "PUBLISHED".equals(state);
        if (!"DELETED".equals(state)) {
            var approve = new Button(getTranslation(published ? "moderation.action.keep" : "moderation.action.approve"));
            approve.setId("queue-approve");
            approve.addThemeVariants(ButtonVariant.PRIMARY);
            approve.setDisableOnClick(true);
            approve.addClickListener(e -> decide(d, Action.APPROVE, reason, null));
            buttons.add(approve);
        }
        if (!"HIDDEN".equals(state) && !"DELETED".equals(state)) {
            var hide = new Button(getTranslation("moderation.action.hide"));
            hide.setId("queue-hide");
            hide.setDisableOnClick(true);
            hide.addClickListener(e -> decide(d, Action.HIDE, reason, null));
            buttons.add(hide);
        }
        if (!"DELETED".equals(state)) {
            var delete = new Button(getTranslation("moderation.action.delete"));
            delete.setId("queue-delete");
            delete.addThemeVariants(ButtonVariant.ERROR);
            delete.setDisableOnClick(true);
            delete.addClickListener(e -> decide(d, Action.DELETE, reason, null));
            buttons.add(delete);
        }
        box.add(reason, buttons);
        // edit with a note
        var text = new TextArea(getTranslation("moderation.action.editText"));
        text.setId("queue-edit-text");
        text.setValue(d.item().body());
        text.setWidthFull();
        var edit = new Button(getTranslation("moderation.action.edit"));
        edit.setId("queue-edit");
        edit.setDisableOnClick(true);
        edit.addClickListener(e -> decide(d, Action.EDIT, reason, text));
        var editBox = new com.vaadin.flow.component.details.Details(getTranslation("moderation.action.editTitle"),
                new Div(new Paragraph(getTranslation("moderation.action.editHelp")), text, edit));
        box.add(editBox);
        return box;
    }

    /**
     * The topic the item is in: close it to replies, pin it, move it, as on the topic page (the same service checks and
     * audit lines), so a moderator dealing with a post need not leave the queue.
     */
    private Component placeTools(CaseDetail d, ModeratedContent.Place place) {
        var box = new Section();
        box.addClassName("queue-place");
        box.setId("queue-place");
        var title = new H3(getTranslation("moderation.place.title", place.name()));
        title.setId("queue-place-title");
        box.add(title);
        var state = new Paragraph(getTranslation(place.locked() ? "moderation.place.closed" : "moderation.place.open")
                + " " + getTranslation(place.pinned() ? "moderation.place.pinned" : "moderation.place.notPinned"));
        state.setId("queue-place-state");
        box.add(state);
        var lock = new Button(getTranslation(place.locked() ? "moderation.topic.unlock" : "moderation.topic.lock"));
        lock.setId("queue-place-lock");
        lock.setDisableOnClick(true);
        lock.addClickListener(e -> onPlace(d, place.locked() ? PlaceAction.UNLOCK : PlaceAction.LOCK, 0,
                place.locked() ? "moderation.topic.unlocked" : "moderation.topic.locked", null));
        var pin = new Button(getTranslation(place.pinned() ? "moderation.topic.unpin" : "moderation.topic.pin"));
        pin.setId("queue-place-pin");
        pin.getElement().setAttribute("aria-pressed", Boolean.toString(place.pinned()));
        pin.setDisableOnClick(true);
        pin.addClickListener(e -> onPlace(d, place.pinned() ? PlaceAction.UNPIN : PlaceAction.PIN, 0,
                place.pinned() ? "moderation.topic.unpinned" : "moderation.topic.pinned", null));
        var where = new Select<ModeratedContent.Group>();
        where.setLabel(getTranslation("moderation.topic.moveTo"));
        where.setId("queue-place-move-to");
        where.setItems(place.groups());
        where.setItemLabelGenerator(ModeratedContent.Group::name);
        place.groups().stream().filter(g -> g.id() == place.groupId()).findFirst().ifPresent(where::setValue);
        var move = new Button(getTranslation("moderation.topic.move"));
        move.setId("queue-place-move");
        move.addClickListener(e -> {
            var to = where.getValue();
            if (to == null || to.id() == place.groupId()) {
                where.setErrorMessage(getTranslation("moderation.place.sameGroup"));
                where.setInvalid(true);
                return;
            }
            onPlace(d, PlaceAction.MOVE, to.id(), "moderation.topic.moved", where);
        });
        var buttons = new Div(lock, pin);
        buttons.addClassName("queue-buttons");
        box.add(buttons, new Div(where, move));
        return box;
    }

    private void onPlace(CaseDetail d, PlaceAction action, long target, String doneKey, Select<ModeratedContent.Group> where) {
        try {
            desk.actOnPlace(d.caseId(), action, target);
            status.setText(getTranslation(doneKey, where == null || where.getValue() == null ? "" : where.getValue().name()));
            show();
        } catch (InputProblem problem) {
            if (where != null) {
                where.setErrorMessage(problem.message(getLocale()));
                where.setInvalid(true);
            }
            status.setText(problem.message(getLocale()));
            enableAll(detail);
        }
    }

    private void decide(CaseDetail d, Action action, TextField reason, TextArea text) {
        try {
            var result = desk.decide(d.caseId(), d.item().state(), action, reason.getValue(), text == null ? null : text.getValue());
            status.setText(getTranslation(switch (result) {
                case DONE -> "moderation.action.done." + action.name().toLowerCase(Locale.ROOT);
                case ALREADY_CHANGED -> "moderation.action.already";
                case GONE -> "moderation.queue.gone";
            }));
            show();
        } catch (InputProblem problem) {
            var field = "text".equals(problem.field()) || "body".equals(problem.field()) ? text : null;
            if (field != null) {
                field.setErrorMessage(problem.message(getLocale()));
                field.setInvalid(true);
            } else {
                reason.setErrorMessage(problem.message(getLocale()));
                reason.setInvalid(true);
            }
            status.setText(problem.message(getLocale()));
            enableAll(detail);
        }
    }

    private static void enableAll(Component c) {
        if (c instanceof Button b) {
            b.setEnabled(true);
        }
        c.getChildren().forEach(QueueView::enableAll);
    }

    private Component sanctions(CaseDetail d) {
        var box = new Section();
        box.addClassName("queue-sanctions");
        box.add(new H3(getTranslation("moderation.sanction.title", d.item().authorName())));
        d.silencedUntil().ifPresent(u -> box.add(new Paragraph(getTranslation("moderation.sanction.silencedUntil", when(u)))));
        if (!d.sanctions().isEmpty()) {
            var ul = new UnorderedList();
            for (var s : d.sanctions()) {
                ul.add(new ListItem(getTranslation("moderation.sanction.kind." + s.kind().toLowerCase(Locale.ROOT))
                        + " · " + when(s.at()) + (s.until() == null ? "" : " → " + when(s.until())) + " · " + s.reason()));
            }
            box.add(ul);
        }
        var reason = new TextField(getTranslation("moderation.sanction.reason"));
        reason.setId("queue-sanction-reason");
        reason.setHelperText(getTranslation("moderation.action.reasonHelp"));
        reason.setMaxLength(ModerationDesk.REASON_MAX + 50);
        reason.setWidthFull();
        var warn = new Button(getTranslation("moderation.sanction.warn"));
        warn.setId("queue-warn");
        warn.addClickListener(e -> sanction(reason, () -> {
            desk.warn(d.caseId(), reason.getValue());
            return getTranslation("moderation.sanction.warned");
        }));
        var length = new Select<String>();
        length.setLabel(getTranslation("moderation.sanction.length"));
        length.setId("queue-silence-length");
        length.setItems(SILENCES.keySet());
        length.setItemLabelGenerator(k -> getTranslation("moderation.sanction.length." + k));
        length.setValue("day");
        var silence = new Button(getTranslation("moderation.sanction.silence"));
        silence.setId("queue-silence");
        silence.addClickListener(e -> sanction(reason, () -> getTranslation("moderation.sanction.silenced",
                when(desk.silence(d.caseId(), SILENCES.get(length.getValue()), reason.getValue())))));
        int step = d.nextStep();
        String stepKey = step <= ModerationDesk.LADDER.size() ? "moderation.sanction.suspend" : "moderation.sanction.switchOff";
        var suspend = new Button(getTranslation(stepKey, step <= ModerationDesk.LADDER.size()
                ? ModerationDesk.LADDER.get(step - 1).toDays() : 0));
        suspend.setId("queue-suspend");
        suspend.addThemeVariants(ButtonVariant.ERROR);
        suspend.addClickListener(e -> {
            var dialog = new com.vaadin.flow.component.confirmdialog.ConfirmDialog();
            dialog.setHeader(getTranslation("moderation.sanction.sureTitle"));
            dialog.setText(getTranslation(stepKey + ".sure", d.item().authorName()));
            dialog.setCancelable(true);
            dialog.setCancelText(getTranslation("forum.cancel"));
            dialog.setConfirmText(getTranslation(stepKey, step <= ModerationDesk.LADDER.size()
                    ? ModerationDesk.LADDER.get(step - 1).toDays() : 0));
            dialog.addConfirmListener(c -> sanction(reason, () -> {
                var s = desk.suspend(d.caseId(), step, reason.getValue());
                return s.switchedOff() ? getTranslation("moderation.sanction.switchedOff")
                        : getTranslation("moderation.sanction.suspended", when(s.until()));
            }));
            org.village.shared.ui.Forms.openSafely(dialog);
        });
        box.add(reason, new Div(warn, new Div(length, silence), suspend));
        return box;
    }

    private void sanction(TextField reason, java.util.function.Supplier<String> act) {
        try {
            status.setText(act.get());
            show();
        } catch (InputProblem problem) {
            reason.setErrorMessage(problem.message(getLocale()));
            reason.setInvalid(true);
            status.setText(problem.message(getLocale()));
            if ("moderation.problem.stepTaken".equals(problem.key())) {
                show();
            }
        }
    }

    private Component notes(CaseDetail d) {
        var box = new Section();
        box.addClassName("queue-notes");
        box.add(new H3(getTranslation("moderation.note.title")));
        if (d.notes().isEmpty()) {
            box.add(new Paragraph(getTranslation("moderation.note.none")));
        } else {
            var ul = new UnorderedList();
            for (var n : d.notes()) {
                ul.add(new ListItem(n.by() + " · " + when(n.at()) + " · " + n.body()));
            }
            box.add(ul);
        }
        var text = new TextArea(getTranslation("moderation.note.add"));
        text.setId("queue-note");
        text.setMaxLength(ModerationDesk.NOTE_MAX + 50);
        text.setWidthFull();
        var add = new Button(getTranslation("moderation.note.save"));
        add.setId("queue-note-save");
        add.addClickListener(e -> {
            try {
                desk.addNote(d.caseId(), text.getValue());
                status.setText(getTranslation("moderation.note.saved"));
                show();
            } catch (InputProblem problem) {
                text.setErrorMessage(problem.message(getLocale()));
                text.setInvalid(true);
            }
        });
        box.add(text, add);
        return box;
    }
}
