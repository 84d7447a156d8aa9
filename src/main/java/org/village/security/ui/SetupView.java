package org.village.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;
import org.village.security.FirstAdmin;
import org.village.shared.InputProblem;
import org.village.shared.ui.Forms;

/** First start of a production install: the person with the setup code makes the first admin account. */
@Route("setup")
@AnonymousAllowed
class SetupView extends Div implements HasDynamicTitle {

    SetupView(FirstAdmin firstAdmin) {
        addClassName("page");
        add(new H1(getTranslation("setup.title")));
        if (!firstAdmin.needed()) {
            add(new Paragraph(getTranslation("setup.already") + " "), new Anchor("login", getTranslation("join.signIn")));
            return;
        }
        var code = new TextField(getTranslation("setup.code"));
        var username = new TextField(getTranslation("setup.username"));
        var displayName = new TextField(getTranslation("setup.displayName"));
        var password = new PasswordField(getTranslation("join.password"));
        var message = new Div();
        var save = new Button(getTranslation("setup.button"), e -> {
            message.removeAll();
            try {
                firstAdmin.setUp(code.getValue(), username.getValue(), displayName.getValue(), password.getValue());
                removeAll();
                add(new H1(getTranslation("setup.title")), Forms.notice("success", getTranslation("setup.done")),
                        new Anchor("login", getTranslation("join.signIn")));
            } catch (InputProblem problem) {
                if (!Forms.show(problem, Map.of("code", code, "username", username, "displayName", displayName,
                        "password", password))) {
                    message.add(Forms.notice("error", problem.message(getLocale())));
                }
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        add(message, code, username, displayName, password, new Div(save));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("setup.title");
    }
}
