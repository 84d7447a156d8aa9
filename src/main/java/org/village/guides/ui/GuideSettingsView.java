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
import com.vaadin.flow.router.HasDynamicTitle;
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
@Menu(order = 75, title = "Guide settings")
@RolesAllowed(Roles.ADMIN)
class GuideSettingsView extends Div implements HasDynamicTitle {

    GuideSettingsView(GuideService guides, HelpContacts contacts) {
        addClassName("page");
        add(new H1(getTranslation("guides.settings.title")));

        add(new H2(getTranslation("guides.settings.phrases")));
        add(new Paragraph(getTranslation("guides.settings.phrases.text")));
        var phrases = new TextArea(getTranslation("guides.settings.phrases.label"));
        phrases.setWidthFull();
        phrases.setMinRows(8);
        phrases.setValue(String.join("\n", guides.blamingPhrases()));
        var phraseMessages = new Div();
        var savePhrases = new Button(getTranslation("guides.settings.phrases.save"), e -> {
            try {
                guides.setBlamingPhrases(Arrays.asList(phrases.getValue().split("\\R")));
                phrases.setInvalid(false);
                phraseMessages.removeAll();
                phraseMessages.add(Forms.notice("success", getTranslation("guides.settings.phrases.saved")));
            } catch (InputProblem problem) {
                phraseMessages.removeAll();
                if (!Forms.show(problem, Map.of("phrases", phrases))) {
                    phraseMessages.add(Forms.notice("error", problem.message(getLocale())));
                }
            }
        });
        savePhrases.addThemeVariants(ButtonVariant.PRIMARY);
        add(phrases, phraseMessages, savePhrases);

        add(new H2(getTranslation("guides.settings.contacts")));
        add(new Paragraph(getTranslation("guides.settings.contacts.text")));
        for (ContactEdit c : contacts.forEditing()) {
            add(contactForm(contacts, c));
        }
    }

    private Div contactForm(HelpContacts contacts, ContactEdit c) {
        var form = new Div();
        form.addClassName("contact");
        var name = new TextField(getTranslation("guides.settings.contact.name"), c.name(), "");
        var phone = new TextField(getTranslation("guides.settings.contact.phone"), c.phone(), "");
        var description = new TextArea(getTranslation("guides.settings.contact.description"));
        description.setValue(c.description());
        var url = new TextField(getTranslation("guides.settings.contact.url"), c.url() == null ? "" : c.url(), "");
        var always = new Checkbox(getTranslation("guides.settings.contact.always"), c.alwaysOpen());
        var outOfHours = new Checkbox(getTranslation("guides.settings.contact.outOfHours"), c.outOfHours());
        var hours = new TextArea(getTranslation("guides.settings.contact.hours"));
        hours.setValue(c.hours());
        hours.setEnabled(!c.alwaysOpen());
        always.addValueChangeListener(e -> hours.setEnabled(!e.getValue()));
        var messages = new Div();
        long[] version = {c.version()};
        var save = new Button(getTranslation("guides.settings.contact.save", c.name()), e -> {
            try {
                contacts.save(new ContactEdit(c.id(), version[0], name.getValue(), description.getValue(),
                        phone.getValue(), url.getValue(), always.getValue(), outOfHours.getValue(), hours.getValue()));
                version[0]++;
                messages.removeAll();
                messages.add(Forms.notice("success", getTranslation("guides.settings.contact.saved")));
            } catch (InputProblem problem) {
                messages.removeAll();
                Map<String, HasValidation> fields = Map.of("name", name, "phone", phone, "description", description,
                        "url", url, "hours", hours);
                if (!Forms.show(problem, fields)) {
                    messages.add(Forms.notice("error", problem.message(getLocale())));
                }
            }
        });
        for (var f : new com.vaadin.flow.component.HasSize[] {name, phone, description, url, hours}) {
            f.setWidthFull();
        }
        form.add(new H3(c.name()), name, phone, description, url, always, outOfHours, hours, messages, save);
        return form;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("guides.settings.title");
    }
}
