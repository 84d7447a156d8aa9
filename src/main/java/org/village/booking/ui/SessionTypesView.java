package org.village.booking.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.Map;
import org.village.booking.SessionTypes;
import org.village.booking.SessionTypes.Attendee;
import org.village.booking.SessionTypes.PlaceKind;
import org.village.booking.SessionTypes.SessionType;
import org.village.booking.SessionTypes.TypeEdit;
import org.village.shared.InputProblem;
import org.village.shared.Roles;
import org.village.shared.ui.Forms;

/**
 * The kinds of session families can book, in the words parents read: what happens, who comes, how long, where,
 * whether the worker confirms, and how much notice. Notice and cut-off are entered in hours (stored in minutes).
 * Descriptions are shown as plain text everywhere, so nothing typed here can become a link or a script.
 */
@Route("booking/types")
@Menu(order = 62, title = "Session types")
@RolesAllowed(Roles.WORKER)
public class SessionTypesView extends Div implements HasDynamicTitle {

    private final SessionTypes types;
    private final Div list = new Div();

    SessionTypesView(SessionTypes types) {
        this.types = types;
        addClassNames("page", "booking-types");
        add(new H1(getTranslation("sessiontypes.title")));
        add(new Paragraph(getTranslation("sessiontypes.intro")));
        list.setId("session-types");
        add(list);
        refresh(null);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sessiontypes.title");
    }

    private void refresh(Long open) {
        list.removeAll();
        for (SessionType t : types.all()) {
            var summary = new Span(t.active() ? t.name() : getTranslation("sessiontypes.off", t.name()));
            var details = new Details(summary, form(t));
            details.setId("type-" + t.code());
            details.addClassName("session-type");
            details.setOpened(open != null && open == t.id());
            list.add(details);
        }
    }

    private Component form(SessionType t) {
        var name = new TextField(getTranslation("sessiontypes.name"));
        name.setValue(t.name());
        name.setMaxLength(SessionTypes.MAX_NAME + 50);
        name.setWidthFull();
        var description = new TextArea(getTranslation("sessiontypes.description"));
        description.setValue(t.description());
        description.setHelperText(getTranslation("sessiontypes.descriptionHelp"));
        description.setMaxLength(SessionTypes.MAX_DESCRIPTION + 500);
        description.setWidthFull();
        description.addClassName("type-description");
        var duration = number("sessiontypes.duration", t.durationMinutes());
        var capacity = number("sessiontypes.capacity", t.capacity());
        capacity.setHelperText(getTranslation("sessiontypes.capacityHelp"));
        var attendees = new CheckboxGroup<Attendee>(getTranslation("sessiontypes.attendees"));
        attendees.setItems(Attendee.values());
        attendees.setItemLabelGenerator(a -> getTranslation("sessiontypes.attendee." + a.name()));
        attendees.setValue(t.attendees());
        var place = new Select<PlaceKind>();
        place.setLabel(getTranslation("sessiontypes.place"));
        place.setItems(PlaceKind.values());
        place.setItemLabelGenerator(p -> getTranslation("sessiontypes.place." + p.name()));
        place.setValue(t.placeKind());
        var placeDetail = new TextField(getTranslation("sessiontypes.placeDetail"));
        placeDetail.setValue(t.placeDetail());
        placeDetail.setHelperText(getTranslation("sessiontypes.placeDetailHelp"));
        placeDetail.setMaxLength(SessionTypes.MAX_PLACE + 100);
        placeDetail.setWidthFull();
        var confirm = new Checkbox(getTranslation("sessiontypes.confirm"));
        confirm.setValue(t.confirmRequired());
        var notice = number("sessiontypes.notice", t.minNoticeMinutes() / 60);
        var cutoff = number("sessiontypes.cutoff", t.cancelCutoffMinutes() / 60);
        var series = number("sessiontypes.series", t.seriesLength());
        series.setHelperText(getTranslation("sessiontypes.seriesHelp"));
        var active = new Checkbox(getTranslation("sessiontypes.active"));
        active.setValue(t.active());
        var messages = new Div();
        messages.getElement().setAttribute("aria-live", "polite");
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("description", description);
        fields.put("duration", duration);
        fields.put("capacity", capacity);
        fields.put("attendees", attendees);
        fields.put("place", place);
        fields.put("placeDetail", placeDetail);
        fields.put("notice", notice);
        fields.put("cutoff", cutoff);
        fields.put("series", series);
        var save = new Button(getTranslation("sessiontypes.save"), e -> {
            messages.removeAll();
            try {
                types.save(new TypeEdit(t.id(), name.getValue(), description.getValue(), value(duration), value(capacity),
                        attendees.getValue(), place.getValue(), placeDetail.getValue(), confirm.getValue(),
                        hoursToMinutes(notice), hoursToMinutes(cutoff), value(series), active.getValue()));
                fields.values().forEach(f -> f.setInvalid(false));
                messages.add(Forms.notice("success", getTranslation("sessiontypes.saved")));
            } catch (InputProblem problem) {
                if (!Forms.show(problem, fields)) {
                    messages.add(Forms.notice("error", problem.message(getLocale())));
                }
            }
        });
        save.setId("type-save-" + t.code());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.getElement().setAttribute("aria-label", getTranslation("sessiontypes.saveFor", t.name()));
        var form = new Div(name, description, duration, capacity, attendees, place, placeDetail, confirm, notice, cutoff,
                series, active, save, messages);
        form.addClassName("type-form");
        return form;
    }

    private IntegerField number(String key, int value) {
        var field = new IntegerField(getTranslation(key));
        field.setValue(value);
        field.setMin(0);
        return field;
    }

    private static int value(IntegerField field) {
        return field.getValue() == null ? -1 : field.getValue();
    }

    private static int hoursToMinutes(IntegerField field) {
        Integer hours = field.getValue();
        return hours == null || hours < 0 || hours > SessionTypes.MAX_NOTICE_MINUTES / 60 ? -1 : hours * 60;
    }
}
