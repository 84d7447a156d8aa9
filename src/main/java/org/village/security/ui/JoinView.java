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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;
import org.village.security.AccountService;
import org.village.security.PasswordPolicy;
import org.village.shared.InputProblem;
import org.village.shared.ui.Forms;

/** A parent uses the invitation code from their worker to make an account with a name of their choosing. */
@Route("join")
@AnonymousAllowed
class JoinView extends Div implements HasUrlParameter<String>, HasDynamicTitle {

    private final AccountService accounts;
    private final TextField code = new TextField(getTranslation("join.code"));
    private final TextField username = new TextField(getTranslation("join.username"));
    private final TextField displayName = new TextField(getTranslation("join.displayName"));
    private final PasswordField password = new PasswordField(getTranslation("join.password"));
    private final PasswordField repeat = new PasswordField(getTranslation("join.repeat"));
    private final Div message = new Div();
    private final Div formArea = new Div();
    private final Button joinButton = new Button(getTranslation("join.button"), e -> join());

    JoinView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("page");
        add(new H1(getTranslation("join.title")));
        add(new Paragraph(getTranslation("join.intro")));
        code.setHelperText(getTranslation("join.code.help"));
        code.setMaxLength(20);
        username.setHelperText(getTranslation("join.username.help"));
        username.setMaxLength(60);
        username.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.USERNAME);
        displayName.setHelperText(getTranslation("join.displayName.help"));
        displayName.setMaxLength(40);
        password.setHelperText(getTranslation("join.password.help", PasswordPolicy.MIN));
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
            case USED -> warn(getTranslation("join.used"));
            case EXPIRED -> warn(getTranslation("join.expired"));
            case UNKNOWN -> warn(getTranslation("join.unknown"));
            case VALID -> { }
        }
    }

    private void join() {
        try {
            if (!password.getValue().equals(repeat.getValue())) {
                throw InputProblem.keyed("repeat", "join.notSame");
            }
            accounts.join(code.getValue(), username.getValue(), displayName.getValue(), password.getValue());
            formArea.setVisible(false);
            message.removeAll();
            var done = Forms.notice("success", getTranslation("join.done") + " ");
            done.add(new Anchor("login", getTranslation("join.signIn")));
            message.add(done);
        } catch (InputProblem problem) {
            if (!Forms.show(problem, Map.of("code", code, "username", username, "displayName", displayName,
                    "password", password, "repeat", repeat))) {
                warn(problem.message(getLocale()));
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

    @Override
    public String getPageTitle() {
        return getTranslation("join.title");
    }
}
