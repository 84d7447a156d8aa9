package org.village.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;
import org.village.security.FirstAdmin;
import org.village.shared.InputProblem;
import org.village.shared.ui.Forms;

/** First start of a production install: the person with the setup code makes the first admin account. */
@Route("setup")
@PageTitle("Set up Village")
@AnonymousAllowed
class SetupView extends Div {

    SetupView(FirstAdmin firstAdmin) {
        addClassName("page");
        add(new H1("Set up Village"));
        if (!firstAdmin.needed()) {
            add(new Paragraph("Village is already set up. "), new Anchor("login", "Sign in"));
            return;
        }
        var code = new TextField("Setup code (from the log)");
        var username = new TextField("Admin sign-in name");
        var displayName = new TextField("Name people see");
        var password = new PasswordField("Password");
        var message = new Div();
        var save = new Button("Make the admin account", e -> {
            message.removeAll();
            try {
                firstAdmin.setUp(code.getValue(), username.getValue(), displayName.getValue(), password.getValue());
                removeAll();
                add(new H1("Set up Village"), Forms.notice("success", "The admin account is ready."), new Anchor("login", "Sign in"));
            } catch (InputProblem problem) {
                if (!Forms.show(problem, Map.of("code", code, "username", username, "displayName", displayName,
                        "password", password))) {
                    message.add(Forms.notice("error", problem.getMessage()));
                }
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        add(message, code, username, displayName, password, new Div(save));
    }
}
