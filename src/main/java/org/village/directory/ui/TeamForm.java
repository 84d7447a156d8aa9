package org.village.directory.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;
import java.time.LocalDate;
import java.util.Map;
import org.village.directory.DirectoryFilter;
import org.village.directory.DirectoryService;
import org.village.directory.ServiceSummary;
import org.village.directory.TeamInput;
import org.village.directory.TeamMember;
import org.village.shared.InputProblem;
import org.village.shared.ui.Forms;

/** The worker's form for one service on a child's team: add a new one, or change one already there. */
class TeamForm extends Div {

    final ComboBox<ServiceSummary> service = new ComboBox<>();
    final TextField firstName = new TextField();
    final TextField role = new TextField();
    final Checkbox lead = new Checkbox();
    final Select<TeamMember.Status> status = new Select<>();
    final DatePicker since = org.village.shared.ui.LocalDates.inReadersLanguage(new DatePicker());
    final TextArea forFamily = new TextArea();
    final TextField howToContact = new TextField();
    final TextField nextContact = new TextField();
    private final Div problem = new Div();
    private final Map<String, HasValidation> fields;

    TeamForm(DirectoryService directory, TeamMember existing, String saveLabel, SerializableConsumer<TeamInput> save) {
        addClassName("team-form");
        service.setLabel(getTranslation("directory.teamForm.service"));
        firstName.setLabel(getTranslation("directory.teamForm.firstName"));
        role.setLabel(getTranslation("directory.teamForm.role"));
        lead.setLabel(getTranslation("directory.teamForm.lead"));
        since.setLabel(getTranslation("directory.teamForm.since"));
        forFamily.setLabel(getTranslation("directory.teamForm.forFamily"));
        howToContact.setLabel(getTranslation("directory.teamForm.howToContact"));
        nextContact.setLabel(getTranslation("directory.teamForm.nextContact"));
        // services page through the directory as the worker types
        service.setItems(query -> directory.search(DirectoryFilter.text(query.getFilter().orElse("")),
                        query.getOffset(), query.getLimit()).stream(),
                query -> directory.count(DirectoryFilter.text(query.getFilter().orElse(""))));
        service.setItemLabelGenerator(ServiceSummary::name);
        service.setWidthFull();
        status.setLabel(getTranslation("directory.teamForm.status"));
        status.setItems(TeamMember.Status.values());
        status.setItemLabelGenerator(st -> DirectoryWords.status(this, st));
        status.setValue(TeamMember.Status.REFERRED);
        since.setValue(LocalDate.ofInstant(directory.now(), org.village.shared.Times.ZONE));
        forFamily.setHelperText(getTranslation("directory.teamForm.forFamilyHelp"));
        forFamily.setMaxLength(1000);
        firstName.setMaxLength(40);
        role.setMaxLength(80);
        if (existing != null) {
            service.setVisible(false);
            firstName.setValue(nz(existing.workerFirstName()));
            role.setValue(nz(existing.workerRole()));
            lead.setValue(existing.lead());
            status.setValue(existing.status());
            since.setValue(existing.statusSince());
            forFamily.setValue(existing.forFamily());
            howToContact.setValue(nz(existing.howToContact()));
            nextContact.setValue(nz(existing.nextContact()));
        }
        fields = Map.of("service", service, "workerFirstName", firstName, "workerRole", role, "status", status,
                "forFamily", forFamily, "howToContact", howToContact, "nextContact", nextContact);
        var button = new Button(saveLabel, e -> {
            problem.removeAll();
            if (existing == null && service.getValue() == null) {
                show(InputProblem.keyed("service", "directory.problem.chooseService"));
                return;
            }
            try {
                save.accept(new TeamInput(existing == null ? service.getValue().id() : existing.serviceId(),
                        firstName.getValue(), role.getValue(), lead.getValue(), status.getValue(), since.getValue(),
                        forFamily.getValue(), howToContact.getValue(), nextContact.getValue()));
            } catch (InputProblem p) {
                show(p);
            }
        });
        button.addThemeVariants(ButtonVariant.PRIMARY);
        var fieldsBox = new Div(service, firstName, role, status, since, forFamily, howToContact, nextContact, lead);
        fieldsBox.addClassName("form-fields");
        add(problem, fieldsBox, button);
    }

    private void show(InputProblem p) {
        if (!Forms.show(p, fields)) {
            problem.add(Forms.notice("error", p.message(getLocale())));
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
