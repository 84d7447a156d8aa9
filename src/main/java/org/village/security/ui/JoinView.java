package org.village.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;
import org.village.security.AccountService;
import org.village.security.PasswordPolicy;
import org.village.shared.InputProblem;
import org.village.shared.ui.Forms;

/** A parent uses the invitation code from their worker to make an account with a name of their choosing. */
@Route("join")
@PageTitle("Join Village")
@AnonymousAllowed
class JoinView extends Div implements HasUrlParameter<String> {

    private final AccountService accounts;
    private final TextField code = new TextField("Invitation code");
    private final TextField username = new TextField("Sign-in name");
    private final TextField displayName = new TextField("Name other people will see");
    private final PasswordField password = new PasswordField("Password");
    private final PasswordField repeat = new PasswordField("Type the password again");
    private final Div message = new Div();
    private final Div formArea = new Div();
    private final Button joinButton = new Button("Make my account", e -> join());

    JoinView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("page");
        add(new H1("Join Village"));
        add(new Paragraph("Your family support worker gave you an invitation code. Use it to make your account. "
                + "You only need to do this once."));
        code.setHelperText("It looks like ABCD-EFGH-JKMN.");
        code.setMaxLength(20);
        username.setHelperText("You type this to sign in. Only you see it.");
        username.setMaxLength(60);
        username.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.USERNAME);
        displayName.setHelperText("Other parents see this. Please do not use your real full name.");
        displayName.setMaxLength(40);
        password.setHelperText("At least " + PasswordPolicy.MIN + " characters. A few words together are easy to remember.");
        password.setMaxLength(PasswordPolicy.MAX);
        password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        repeat.setMaxLength(PasswordPolicy.MAX);
        repeat.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        // disabled while the request runs, so a double click cannot send it twice
        joinButton.addThemeVariants(ButtonVariant.PRIMARY);
        joinButton.setDisableOnClick(true);
        var form = new FormLayout(code, username, displayName, password, repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        formArea.add(form, joinButton);
        add(message, formArea);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return;
        }
        code.setValue(parameter);
        switch (accounts.invitationStatus(parameter)) {
            case USED -> warn("This invitation has already been used. If that was you, you can sign in. "
                    + "If not, please ask your family support worker for a new one.");
            case EXPIRED -> warn("This invitation has run out. Please ask your family support worker for a new one.");
            case UNKNOWN -> warn("We could not find that invitation code. Please check it, or ask your family support worker.");
            case VALID -> { }
        }
    }

    private void join() {
        try {
            if (!password.getValue().equals(repeat.getValue())) {
                throw new InputProblem("repeat", "The two passwords are not the same. Please type them again.");
            }
            accounts.join(code.getValue(), username.getValue(), displayName.getValue(), password.getValue());
            formArea.setVisible(false);
            message.removeAll();
            var done = Forms.notice("success", "Your account is ready. You can now sign in with your sign-in name and password. ");
            done.add(new Anchor("login", "Sign in"));
            message.add(done);
        } catch (InputProblem problem) {
            if (!Forms.show(problem, Map.of("code", code, "username", username, "displayName", displayName,
                    "password", password, "repeat", repeat))) {
                warn(problem.getMessage());
            } else {
                message.removeAll();
            }
        } finally {
            joinButton.setEnabled(true);
        }
    }

    private void warn(String text) {
        message.removeAll();
        message.add(Forms.notice("error", text));
    }
}
