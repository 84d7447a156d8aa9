package org.village.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import org.village.security.AccountService;
import org.village.security.CurrentUser;
import org.village.security.PasswordPolicy;
import org.village.shared.InputProblem;
import org.village.shared.ui.Forms;

@Route("account")
@Menu(order = 80, title = "Your account")
@PermitAll
class AccountView extends Div implements HasDynamicTitle {

    private final AccountService accounts;
    private final PasswordField current = new PasswordField(getTranslation("account.current"));
    private final PasswordField password = new PasswordField(getTranslation("reset.password"));
    private final PasswordField repeat = new PasswordField(getTranslation("account.repeat"));
    private final Div message = new Div();
    private final Div elsewhereMessage = new Div();

    AccountView(AccountService accounts, CurrentUser currentUser) {
        this.accounts = accounts;
        addClassName("page");
        var me = currentUser.require();
        add(new H1(getTranslation("account.title")));
        add(new Paragraph(getTranslation("account.signedInAs", me.displayName())));
        // e-mail about notifications has its own page (notification module); an address, so no code depends on it
        var mailChoice = new com.vaadin.flow.component.html.Anchor("account/notifications",
                getTranslation("notification.settings.link"));
        mailChoice.setId("notification-settings-link");
        add(new Paragraph(mailChoice));
        add(new H2(getTranslation("account.change")));
        password.setHelperText(getTranslation("reset.password.help", PasswordPolicy.MIN));
        for (var f : new PasswordField[] {current, password, repeat}) {
            f.setMaxLength(PasswordPolicy.MAX);
            f.setWidthFull();
        }
        var save = new Button(getTranslation("account.change.button"), e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        add(message, current, password, repeat, new Div(save));

        add(new H2(getTranslation("account.elsewhere")));
        add(new Paragraph(getTranslation("account.elsewhere.text")));
        var elsewhere = new Button(getTranslation("account.elsewhere.button"), e -> signOutElsewhere());
        add(elsewhereMessage, new Div(elsewhere));
    }

    private void signOutElsewhere() {
        elsewhereMessage.removeAll();
        accounts.signOutOtherDevices();
        elsewhereMessage.add(Forms.notice("success", getTranslation("account.elsewhere.done")));
    }

    private void save() {
        message.removeAll();
        try {
            if (!password.getValue().equals(repeat.getValue())) {
                throw InputProblem.keyed("repeat", "account.notSame");
            }
            accounts.changeOwnPassword(current.getValue(), password.getValue());
            current.clear();
            password.clear();
            repeat.clear();
            message.add(Forms.notice("success", getTranslation("account.changed")));
        } catch (InputProblem problem) {
            if (!Forms.show(problem, Map.of("current", current, "password", password, "repeat", repeat))) {
                message.add(Forms.notice("error", problem.message(getLocale())));
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title");
    }
}
