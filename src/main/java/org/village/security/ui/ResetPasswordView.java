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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;
import org.village.security.AccountService;
import org.village.security.PasswordPolicy;
import org.village.shared.InputProblem;
import org.village.shared.ui.Forms;

/** Opened from a one-time link a worker gave: choose a new password. */
@Route("reset")
@AnonymousAllowed
class ResetPasswordView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final AccountService accounts;
    private final PasswordField password = new PasswordField(getTranslation("reset.password"));
    private final PasswordField repeat = new PasswordField(getTranslation("reset.repeat"));
    private final Div message = new Div();
    private final Div formArea = new Div();
    private String token;

    ResetPasswordView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("page");
        add(new H1(getTranslation("reset.title")));
        password.setHelperText(getTranslation("reset.password.help", PasswordPolicy.MIN));
        password.setMaxLength(PasswordPolicy.MAX);
        repeat.setMaxLength(PasswordPolicy.MAX);
        var save = new Button(getTranslation("reset.button"), e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        formArea.add(new Paragraph(getTranslation("reset.once")), password, repeat, new Div(save));
        add(message, formArea);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        token = parameter;
        if (!accounts.resetTokenUsable(token)) {
            formArea.setVisible(false);
            message.add(Forms.notice("error", getTranslation("reset.spent")));
        }
    }

    private void save() {
        try {
            if (!password.getValue().equals(repeat.getValue())) {
                throw InputProblem.keyed("repeat", "join.notSame");
            }
            accounts.resetPassword(token, password.getValue());
            formArea.setVisible(false);
            message.removeAll();
            var done = Forms.notice("success", getTranslation("reset.done") + " ");
            done.add(new Anchor("login", getTranslation("join.signIn")));
            message.add(done);
        } catch (InputProblem problem) {
            message.removeAll();
            if (!Forms.show(problem, Map.of("password", password, "repeat", repeat))) {
                message.add(Forms.notice("error", problem.message(getLocale())));
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reset.title");
    }
}
