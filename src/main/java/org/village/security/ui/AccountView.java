package org.village.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import org.village.security.AccountService;
import org.village.security.CurrentUser;
import org.village.security.PasswordPolicy;
import org.village.shared.InputProblem;
import org.village.shared.ui.Forms;

@Route("account")
@PageTitle("Your account")
@Menu(order = 80, title = "Your account")
@PermitAll
class AccountView extends Div {

    private final AccountService accounts;
    private final PasswordField current = new PasswordField("Your password now");
    private final PasswordField password = new PasswordField("New password");
    private final PasswordField repeat = new PasswordField("Type the new password again");
    private final Div message = new Div();
    private final Div elsewhereMessage = new Div();

    AccountView(AccountService accounts, CurrentUser currentUser) {
        this.accounts = accounts;
        addClassName("page");
        var me = currentUser.require();
        add(new H1("Your account"));
        add(new Paragraph("You are signed in as " + me.displayName() + "."));
        // e-mail about notifications has its own page (notification module); an address, so no code depends on it
        var mailChoice = new com.vaadin.flow.component.html.Anchor("account/notifications",
                getTranslation("notification.settings.link"));
        mailChoice.setId("notification-settings-link");
        add(new Paragraph(mailChoice));
        add(new H2("Change your password"));
        password.setHelperText("At least " + PasswordPolicy.MIN + " characters.");
        for (var f : new PasswordField[] {current, password, repeat}) {
            f.setMaxLength(PasswordPolicy.MAX);
            f.setWidthFull();
        }
        var save = new Button("Change password", e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        add(message, current, password, repeat, new Div(save));

        add(new H2("Signed in somewhere else?"));
        add(new Paragraph("If you think Village is open on another phone or computer, you can sign out there. "
                + "You stay signed in here."));
        var elsewhere = new Button("Sign out on other devices", e -> signOutElsewhere());
        add(elsewhereMessage, new Div(elsewhere));
    }

    private void signOutElsewhere() {
        elsewhereMessage.removeAll();
        accounts.signOutOtherDevices();
        elsewhereMessage.add(Forms.notice("success", "Done. Village is now signed out on every other phone and computer."));
    }

    private void save() {
        message.removeAll();
        try {
            if (!password.getValue().equals(repeat.getValue())) {
                throw new InputProblem("repeat", "The two new passwords are not the same. Please type them again.");
            }
            accounts.changeOwnPassword(current.getValue(), password.getValue());
            current.clear();
            password.clear();
            repeat.clear();
            message.add(Forms.notice("success", "Your password has been changed. If Village was open on another phone "
                    + "or computer, it has been signed out there."));
        } catch (InputProblem problem) {
            if (!Forms.show(problem, Map.of("current", current, "password", password, "repeat", repeat))) {
                message.add(Forms.notice("error", problem.getMessage()));
            }
        }
    }
}
