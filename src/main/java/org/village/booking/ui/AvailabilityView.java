package org.village.booking.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.village.booking.Availability;
import org.village.booking.Availability.Rule;
import org.village.booking.SessionTypes;
import org.village.booking.SessionTypes.SessionType;
import org.village.shared.InputProblem;
import org.village.shared.Roles;
import org.village.shared.Times;
import org.village.shared.ui.Forms;
import org.village.shared.ui.LocalDates;

/**
 * When a worker offers sessions: a one-off slot, or weekly availability (days and a start time, evenings too) with
 * days off. Times are Europe/London; a time the clocks skip is refused kindly, and a clash names the session it
 * clashes with. Everything typed stays in the form when something is refused.
 */
@Route("booking/availability")
@Menu(order = 61, title = "My availability")
@RolesAllowed(Roles.WORKER)
public class AvailabilityView extends Div implements HasDynamicTitle {

    private final Availability availability;
    private final SessionTypes types;
    private final Clock clock;
    private final UnorderedList rules = new UnorderedList();
    private final Div rulesMessages = new Div();

    AvailabilityView(Availability availability, SessionTypes types, Clock clock) {
        this.availability = availability;
        this.types = types;
        this.clock = clock;
        addClassNames("page", "booking-availability");
        add(new H1(getTranslation("availability.title")));
        add(new Paragraph(getTranslation("availability.intro")));
        add(oneOff(), weekly());
        add(new H2(getTranslation("availability.rules")));
        rulesMessages.getElement().setAttribute("aria-live", "polite");
        rules.setId("weekly-rules");
        rules.addClassName("weekly-rules");
        add(rulesMessages, rules);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("availability.title");
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Times.ZONE));
    }

    private Component oneOff() {
        var box = new Div();
        box.add(new H2(getTranslation("availability.oneOff")));
        var type = typeSelect("slot-type");
        var day = LocalDates.inReadersLanguage(new DatePicker(getTranslation("availability.day")));
        day.setId("slot-day");
        day.setMin(today());
        var start = timePicker("slot-start");
        var link = linkField("slot-link");
        var messages = live();
        Map<String, HasValidation> fields = Map.of("type", type, "day", day, "start", start, "videoLink", link);
        var add = new Button(getTranslation("availability.addSlot"), e -> attempt(messages, fields, () -> {
                    var ids = availability.addSlot(type.getValue() == null ? -1 : type.getValue().id(), day.getValue(),
                            start.getValue(), link.getValue());
                    return getTranslation(ids.size() > 1 ? "availability.courseAdded" : "availability.slotAdded",
                            ids.size());
                }));
        add.setId("slot-add");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        var form = new Div(type, day, start, link, add);
        form.addClassName("list-form");
        box.add(form, messages);
        return box;
    }

    private Component weekly() {
        var box = new Div();
        box.add(new H2(getTranslation("availability.weekly")));
        box.add(new Paragraph(getTranslation("availability.weeklyIntro", Availability.HORIZON_WEEKS)));
        var type = typeSelect("weekly-type");
        var days = new CheckboxGroup<DayOfWeek>(getTranslation("availability.days"));
        days.setId("weekly-days");
        days.setItems(DayOfWeek.values());
        days.setItemLabelGenerator(d -> dayName(d));
        var start = timePicker("weekly-start");
        var first = LocalDates.inReadersLanguage(new DatePicker(getTranslation("availability.firstDay")));
        first.setId("weekly-first");
        first.setMin(today());
        first.setValue(today());
        var last = LocalDates.inReadersLanguage(new DatePicker(getTranslation("availability.lastDay")));
        last.setId("weekly-last");
        last.setHelperText(getTranslation("availability.lastDayHelp"));
        var link = linkField("weekly-link");
        var messages = live();
        Map<String, HasValidation> fields = Map.of("type", type, "days", days, "start", start, "firstDay", first,
                "lastDay", last, "videoLink", link);
        var add = new Button(getTranslation("availability.addWeekly"), e -> attempt(messages, fields, () -> {
                    var result = availability.addWeekly(type.getValue() == null ? -1 : type.getValue().id(),
                            days.getValue(), start.getValue(), first.getValue(), last.getValue(), link.getValue());
                    refresh();
                    String done = getTranslation("availability.weeklyAdded", result.sessionsMade());
                    return result.skippedForClockChange().isEmpty() ? done : done + " " + getTranslation(
                            "availability.skipped", result.skippedForClockChange().stream().map(this::date)
                                    .collect(Collectors.joining(", ")));
                }));
        add.setId("weekly-add");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        var form = new Div(type, days, start, first, last, link, add);
        form.addClassName("list-form");
        box.add(form, messages);
        return box;
    }

    private void refresh() {
        rules.removeAll();
        var mine = availability.myRules();
        if (mine.isEmpty()) {
            rules.add(new ListItem(getTranslation("availability.noRules")));
        }
        for (Rule r : mine) {
            rules.add(rule(r));
        }
    }

    private ListItem rule(Rule r) {
        var item = new ListItem();
        item.addClassName("weekly-rule");
        item.setId("rule-" + r.id());
        String when = getTranslation("availability.ruleWhen", r.typeName(),
                r.days().stream().sorted().map(this::dayName).collect(Collectors.joining(", ")), r.startsLocal().toString());
        item.add(new H3(when));
        item.add(new Paragraph(r.lastDay() == null ? getTranslation("availability.ruleFrom", date(r.firstDay()))
                : getTranslation("availability.ruleFromTo", date(r.firstDay()), date(r.lastDay()))));
        if (!r.active()) {
            item.add(new Paragraph(getTranslation("availability.ruleStopped")));
            return item;
        }
        if (!r.exceptions().isEmpty()) {
            item.add(new Paragraph(getTranslation("availability.daysOff", r.exceptions().stream()
                    .map(d -> d.note().isEmpty() ? date(d.date()) : date(d.date()) + " (" + d.note() + ")")
                    .collect(Collectors.joining("; ")))));
        }
        var off = LocalDates.inReadersLanguage(new DatePicker(getTranslation("availability.dayOff")));
        off.setId("rule-off-" + r.id());
        off.setMin(today());
        var note = new TextField(getTranslation("availability.dayOffNote"));
        note.setId("rule-off-note-" + r.id());
        note.setMaxLength(250);
        Map<String, HasValidation> fields = Map.of("exceptionDay", off, "exceptionNote", note);
        var addOff = new Button(getTranslation("availability.addDayOff"), e -> attempt(rulesMessages, fields, () -> {
                    availability.addException(r.id(), off.getValue(), note.getValue());
                    refresh();
                    return getTranslation("availability.dayOffAdded");
                }));
        addOff.setId("rule-off-add-" + r.id());
        var stop = new Button(getTranslation("availability.stop"), e -> attempt(rulesMessages, Map.of(), () -> {
            int withdrawn = availability.stopRule(r.id());
            refresh();
            return getTranslation("availability.stopped", withdrawn);
        }));
        stop.setId("rule-stop-" + r.id());
        stop.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        stop.getElement().setAttribute("aria-label", getTranslation("availability.stopFor", when));
        var form = new Div(off, note, addOff, stop);
        form.addClassName("list-form");
        item.add(form);
        return item;
    }

    private Select<SessionType> typeSelect(String id) {
        var select = new Select<SessionType>();
        select.setId(id);
        select.setLabel(getTranslation("availability.type"));
        select.setItems(types.offered());
        select.setItemLabelGenerator(t -> getTranslation("availability.typeItem", t.name(),
                Duration.ofMinutes(t.durationMinutes()).toMinutes()));
        return select;
    }

    private TimePicker timePicker(String id) {
        var picker = new TimePicker(getTranslation("availability.start"));
        picker.setId(id);
        picker.setStep(Duration.ofMinutes(15));
        picker.setLocale(Locale.UK);
        picker.setHelperText(getTranslation("availability.startHelp"));
        return picker;
    }

    private TextField linkField(String id) {
        var link = new TextField(getTranslation("availability.link"));
        link.setId(id);
        link.setHelperText(getTranslation("availability.linkHelp"));
        link.setMaxLength(Availability.MAX_LINK + 100);
        link.setWidthFull();
        return link;
    }

    private static Div live() {
        var messages = new Div();
        messages.getElement().setAttribute("aria-live", "polite");
        return messages;
    }

    private String dayName(DayOfWeek d) {
        Locale locale = org.village.shared.Times.forDates(getLocale());
        String name = d.getDisplayName(TextStyle.FULL_STANDALONE, locale);
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    private String date(LocalDate d) {
        Locale locale = org.village.shared.Times.forDates(getLocale());
        return d.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale));
    }

    /** Runs a change; on a problem shows it by its field (or for the form) and keeps everything typed. */
    private void attempt(Div messages, Map<String, ? extends HasValidation> fields, java.util.function.Supplier<String> change) {
        messages.removeAll();
        try {
            String done = change.get();
            fields.values().forEach(f -> f.setInvalid(false));
            messages.add(Forms.notice("success", done));
        } catch (InputProblem problem) {
            if (!Forms.show(problem, fields)) {
                messages.add(Forms.notice("error", problem.message(getLocale())));
            }
        }
    }
}
