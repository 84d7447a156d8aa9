package org.village.moderation.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.village.moderation.DutyRota;
import org.village.security.CurrentUser;
import org.village.security.People;
import org.village.shared.Capability;
import org.village.shared.InputProblem;
import org.village.shared.Roles;
import org.village.shared.ui.Forms;

/**
 * The duty rota (decision 044): who is on duty when, in the order they are asked, with each person's hours and dated
 * exceptions written the way help-now hours are; and the out-of-hours contact. People who moderate read it; people who
 * take duty change it (the service checks both). Hours that cannot be read are refused kindly and stay as typed.
 */
@Route("moderation/rota")
@Menu(order = 56, title = "Duty rota")
@RolesAllowed({Roles.PEER_SUPPORTER, Roles.WORKER, Roles.ADMIN})
class DutyRotaView extends Div implements HasDynamicTitle {

    private final DutyRota rota;
    private final Clock clock;
    private final boolean mayEdit;
    private final Paragraph now = new Paragraph();
    private final OrderedList list = new OrderedList();
    private final Div messages = new Div();

    DutyRotaView(DutyRota rota, CurrentUser currentUser, Clock clock) {
        this.rota = rota;
        this.clock = clock;
        this.mayEdit = currentUser.get().map(u -> u.can(Capability.TAKE_DUTY)).orElse(false);
        addClassNames("page", "duty-rota");
        add(new H1(getTranslation("duty.rota.title")));
        add(new Paragraph(getTranslation("duty.rota.intro")));
        now.setId("rota-now");
        messages.setId("rota-messages");
        messages.getElement().setAttribute("aria-live", "polite");
        list.setId("rota-list");
        add(now, messages, new H2(getTranslation("duty.rota.order")), list);
        if (mayEdit) {
            addForm();
            addOutOfHours();
        } else {
            add(new Paragraph(getTranslation("duty.rota.readOnly")));
        }
        refresh();
    }

    private void refresh() {
        var entries = rota.entries();
        var onDuty = rota.plan().onDutyAt(clock.instant());
        now.setText(onDuty.isEmpty() ? getTranslation("today.rota.nobody") : getTranslation("today.rota.now",
                onDuty.stream().map(p -> p.name()).collect(Collectors.joining(", "))));
        list.removeAll();
        if (entries.isEmpty()) {
            list.add(new ListItem(getTranslation("duty.rota.empty")));
        }
        for (int i = 0; i < entries.size(); i++) {
            list.add(entry(entries.get(i), i == 0, i == entries.size() - 1));
        }
    }

    private ListItem entry(DutyRota.Entry e, boolean first, boolean last) {
        var item = new ListItem();
        item.addClassName("rota-entry");
        item.getElement().setAttribute("data-account", Long.toString(e.accountId()));
        String name = e.name() == null ? getTranslation("duty.rota.inactive") : e.name();
        item.add(new H3(name));
        item.add(new Paragraph(e.hours().describe(getLocale())));
        if (!mayEdit) {
            return item;
        }
        var up = new Button(getTranslation("duty.rota.up", name), ev -> change(() -> rota.move(e.id(), true), "duty.rota.moved"));
        up.setEnabled(!first);
        var down = new Button(getTranslation("duty.rota.down", name), ev -> change(() -> rota.move(e.id(), false), "duty.rota.moved"));
        down.setEnabled(!last);
        var edit = new Button(getTranslation("duty.rota.change", name), ev -> item.add(hoursForm(e)));
        var remove = new Button(getTranslation("duty.rota.remove", name), ev -> change(() -> rota.remove(e.id()), "duty.rota.removed"));
        remove.addThemeVariants(ButtonVariant.ERROR);
        for (var b : new Button[] {up, down, edit, remove}) {
            b.addThemeVariants(ButtonVariant.TERTIARY);
        }
        var actions = new Div(up, down, edit, remove);
        actions.addClassName("rota-actions");
        item.add(actions);
        return item;
    }

    /** Changing one person's hours, filled in with what is saved. */
    private Div hoursForm(DutyRota.Entry e) {
        var always = new Checkbox(getTranslation("duty.rota.always"), e.alwaysOn());
        var hours = hoursArea();
        hours.setValue(e.hoursText());
        var errors = new Div();
        var form = new Div();
        var save = new Button(getTranslation("duty.rota.save"), ev -> {
            errors.removeAll();
            try {
                rota.save(e.accountId(), always.getValue(), hours.getValue());
                messages.removeAll();
                messages.add(Forms.notice("success", getTranslation("duty.rota.saved")));
                refresh();
            } catch (InputProblem problem) {
                if (!Forms.show(problem, Map.of("hours", hours))) {
                    errors.add(Forms.notice("error", problem.message(getLocale())));
                }
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        var cancel = new Button(getTranslation("duty.rota.cancel"), ev -> form.removeFromParent());
        form.add(always, hours, errors, new Div(save, cancel));
        form.addClassName("rota-form");
        return form;
    }

    private TextArea hoursArea() {
        var hours = new TextArea(getTranslation("duty.rota.hours"));
        hours.setHelperText(getTranslation("duty.rota.hoursHelp"));
        hours.setMaxLength(4000);
        hours.setWidthFull();
        hours.addClassName("rota-hours");
        return hours;
    }

    private void addForm() {
        add(new H2(getTranslation("duty.rota.addTitle")));
        var person = new Select<People.Person>();
        person.setId("rota-person");
        person.setLabel(getTranslation("duty.rota.person"));
        person.setItemLabelGenerator(People.Person::displayName);
        person.setItems(rota.candidates());
        person.setEmptySelectionAllowed(false);
        var always = new Checkbox(getTranslation("duty.rota.always"));
        always.setId("rota-always");
        var hours = hoursArea();
        hours.setId("rota-hours");
        var errors = new Div();
        var add = new Button(getTranslation("duty.rota.add"), ev -> {
            errors.removeAll();
            try {
                if (person.getValue() == null) {
                    throw InputProblem.keyed("person", "duty.problem.choosePerson");
                }
                rota.save(person.getValue().id(), always.getValue(), hours.getValue());
                messages.removeAll();
                messages.add(Forms.notice("success", getTranslation("duty.rota.saved")));
                hours.clear();
                always.clear();
                person.setItems(rota.candidates());
                refresh();
            } catch (InputProblem problem) {
                if (!Forms.show(problem, Map.<String, HasValidation>of("hours", hours, "person", person))) {
                    errors.add(Forms.notice("error", problem.message(getLocale())));
                }
            }
        });
        add.setId("rota-add");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        var form = new Div(person, always, hours, errors, add);
        form.addClassName("rota-form");
        add(form);
    }

    private void addOutOfHours() {
        add(new H2(getTranslation("duty.rota.outOfHoursTitle")));
        add(new Paragraph(getTranslation("duty.rota.outOfHoursIntro")));
        var address = new EmailField(getTranslation("duty.rota.outOfHoursAddress"));
        address.setId("rota-out-of-hours");
        address.setMaxLength(300);
        address.setWidthFull();
        address.setValue(rota.outOfHoursContact().orElse(""));
        var errors = new Div();
        var save = new Button(getTranslation("duty.rota.save"), ev -> {
            errors.removeAll();
            try {
                rota.saveOutOfHoursContact(address.getValue());
                address.setInvalid(false);
                errors.add(Forms.notice("success", getTranslation("duty.rota.saved")));
            } catch (InputProblem problem) {
                if (!Forms.show(problem, Map.of("address", address))) {
                    errors.add(Forms.notice("error", problem.message(getLocale())));
                }
            }
        });
        save.setId("rota-out-of-hours-save");
        add(new Div(address, errors, save));
    }

    private void change(Runnable work, String doneKey) {
        messages.removeAll();
        try {
            work.run();
            messages.add(Forms.notice("success", getTranslation(doneKey)));
        } catch (InputProblem problem) {
            messages.add(Forms.notice("error", problem.message(getLocale())));
        }
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("pageTitle.dutyRota");
    }
}
