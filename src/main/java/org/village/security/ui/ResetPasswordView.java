package org.village.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;
import org.village.security.AccountService;
import org.village.security.PasswordPolicy;
import org.village.shared.InputProblem;
import org.village.shared.ui.Forms;

/** Opened from a one-time link a worker gave: choose a new password. */
@Route("reset")
@PageTitle("Choose a new password")
@AnonymousAllowed
class ResetPasswordView extends Div implements HasUrlParameter<String> {

    private final AccountService accounts;
    private final PasswordField password = new PasswordField("New password");
    private final PasswordField repeat = new PasswordField("Type it again");
    private final Div message = new Div();
    private final Div formArea = new Div();
    private String token;

    ResetPasswordView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("page");
        add(new H1("Choose a new password"));
        password.setHelperText("At least " + PasswordPolicy.MIN + " characters.");
        password.setMaxLength(PasswordPolicy.MAX);
        repeat.setMaxLength(PasswordPolicy.MAX);
        var save = new Button("Save my new password", e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        formArea.add(new Paragraph("This link works once."), password, repeat, new Div(save));
        add(message, formArea);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        token = parameter;
        if (!accounts.resetTokenUsable(token)) {
            formArea.setVisible(false);
            message.add(Forms.notice("error", "This link has been used or has run out. Please ask your family "
                    + "support worker for a new one."));
        }
    }

    private void save() {
        try {
            if (!password.getValue().equals(repeat.getValue())) {
                throw new InputProblem("repeat", "The two passwords are not the same. Please type them again.");
            }
            accounts.resetPassword(token, password.getValue());
            formArea.setVisible(false);
            message.removeAll();
            var done = Forms.notice("success", "Your new password is saved. ");
            done.add(new Anchor("login", "Sign in"));
            message.add(done);
        } catch (InputProblem problem) {
            message.removeAll();
            if (!Forms.show(problem, Map.of("password", password, "repeat", repeat))) {
                message.add(Forms.notice("error", problem.getMessage()));
            }
        }
    }
}
