package org.village.notification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import org.village.notification.Emails;
import org.village.shared.InputProblem;
import org.village.shared.ui.Forms;

/**
 * {@code /account/notifications}: whether the person also gets an e-mail when there is something new. Off until
 * they switch it on. The page says what the e-mail looks like (discreet, decision 072), so a parent whose mailbox
 * others read can decide. Linked from "Your account".
 */
@Route("account/notifications")
@PermitAll
class NotificationSettingsView extends Div implements HasDynamicTitle {

    private final Emails emails;
    private final Checkbox on = new Checkbox();
    private final TextField address = new TextField();
    private final Div message = new Div();

    NotificationSettingsView(Emails emails) {
        this.emails = emails;
        addClassName("page");
        add(new H1(getTranslation("notification.settings.title")));
        if (!emails.available()) {
            add(new Paragraph(getTranslation("notification.settings.unavailable")));
            return;
        }
        add(new Paragraph(getTranslation("notification.settings.intro")));
        add(new Paragraph(getTranslation("notification.settings.discreet")));
        var mine = emails.mySetting();
        on.setLabel(getTranslation("notification.settings.on"));
        on.setId("email-on");
        on.setValue(mine.on());
        address.setLabel(getTranslation("notification.settings.address"));
        address.setHelperText(getTranslation("notification.settings.address.help"));
        address.setId("email-address");
        address.setMaxLength(254);
        address.setWidthFull();
        address.getElement().setAttribute("autocomplete", "email");
        address.getElement().setAttribute("inputmode", "email");
        address.setValue(mine.address() == null ? "" : mine.address());
        var save = new Button(getTranslation("notification.settings.save"), e -> save());
        save.setId("save-email");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        add(message, on, address, new Div(save));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notification.settings.title");
    }

    private void save() {
        message.removeAll();
        address.setInvalid(false);
        try {
            emails.saveMySetting(on.getValue(), address.getValue());
            message.add(Forms.notice("success", getTranslation(on.getValue() ? "notification.settings.saved.on"
                    : "notification.settings.saved.off")));
        } catch (InputProblem problem) {
            // what was typed stays in the field
            if (!Forms.show(problem, Map.of("address", address))) {
                message.add(Forms.notice("error", problem.message(getLocale())));
            }
        }
    }
}
