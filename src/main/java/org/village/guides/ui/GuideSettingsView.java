package org.village.guides.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.Map;
import org.village.guides.GuideService;
import org.village.helpnow.HelpContacts;
import org.village.helpnow.HelpContacts.ContactEdit;
import org.village.shared.InputProblem;
import org.village.shared.Roles;
import org.village.shared.ui.Forms;

/** Admins keep the blaming-phrase list and the help-now contacts (numbers, descriptions, opening hours). */
@Route("admin/guide-settings")
@PageTitle("Guide settings")
@Menu(order = 75, title = "Guide settings")
@RolesAllowed(Roles.ADMIN)
class GuideSettingsView extends Div {

    GuideSettingsView(GuideService guides, HelpContacts contacts) {
        addClassName("page");
        add(new H1("Guide settings"));

        add(new H2("Blaming phrases"));
        add(new Paragraph("The plain-language check warns when a guide uses one of these. One phrase a line."));
        var phrases = new TextArea("Phrases");
        phrases.setWidthFull();
        phrases.setMinRows(8);
        phrases.setValue(String.join("\n", guides.blamingPhrases()));
        var phraseMessages = new Div();
        var savePhrases = new Button("Save phrases", e -> {
            try {
                guides.setBlamingPhrases(Arrays.asList(phrases.getValue().split("\\R")));
                phrases.setInvalid(false);
                phraseMessages.removeAll();
                phraseMessages.add(Forms.notice("success", "Saved. The check uses the new list straight away."));
            } catch (InputProblem problem) {
                phraseMessages.removeAll();
                if (!Forms.show(problem, Map.of("phrases", phrases))) {
                    phraseMessages.add(Forms.notice("error", problem.getMessage()));
                }
            }
        });
        savePhrases.addThemeVariants(ButtonVariant.PRIMARY);
        add(phrases, phraseMessages, savePhrases);

        add(new H2("Help-now contacts"));
        add(new Paragraph("Opening hours are UK time, one line each, like Mon-Fri 08:30-17:00. A closing time before "
                + "the opening time runs past midnight (Mon-Fri 17:00-08:30). For a date, write 2026-12-25 closed, "
                + "or 2026-12-24 18:00-22:00 for extra hours. Every page's help box shows your changes straight away."));
        for (ContactEdit c : contacts.forEditing()) {
            add(contactForm(contacts, c));
        }
    }

    private static Div contactForm(HelpContacts contacts, ContactEdit c) {
        var form = new Div();
        form.addClassName("contact");
        var name = new TextField("Name", c.name(), "");
        var phone = new TextField("Phone", c.phone(), "");
        var description = new TextArea("When to call");
        description.setValue(c.description());
        var url = new TextField("Website", c.url() == null ? "" : c.url(), "");
        var always = new Checkbox("Open all day and night", c.alwaysOpen());
        var outOfHours = new Checkbox("Out-of-hours line", c.outOfHours());
        var hours = new TextArea("Opening hours");
        hours.setValue(c.hours());
        hours.setEnabled(!c.alwaysOpen());
        always.addValueChangeListener(e -> hours.setEnabled(!e.getValue()));
        var messages = new Div();
        long[] version = {c.version()};
        var save = new Button("Save " + c.name(), e -> {
            try {
                contacts.save(new ContactEdit(c.id(), version[0], name.getValue(), description.getValue(),
                        phone.getValue(), url.getValue(), always.getValue(), outOfHours.getValue(), hours.getValue()));
                version[0]++;
                messages.removeAll();
                messages.add(Forms.notice("success", "Saved."));
            } catch (InputProblem problem) {
                messages.removeAll();
                Map<String, HasValidation> fields = Map.of("name", name, "phone", phone, "description", description,
                        "url", url, "hours", hours);
                if (!Forms.show(problem, fields)) {
                    messages.add(Forms.notice("error", problem.getMessage()));
                }
            }
        });
        for (var f : new com.vaadin.flow.component.HasSize[] {name, phone, description, url, hours}) {
            f.setWidthFull();
        }
        form.add(new H3(c.name()), name, phone, description, url, always, outOfHours, hours, messages, save);
        return form;
    }
}
