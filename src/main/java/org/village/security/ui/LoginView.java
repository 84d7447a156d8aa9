package org.village.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.village.shared.ui.Forms;

/** Sign in for parents and staff. The messages say plainly what happened and what to do. */
@Route("login")
@PageTitle("Sign in")
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final Div message = new Div();

    LoginView() {
        addClassName("page");
        add(new H1("Sign in"));
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        // no autofocus: keyboard users meet the skip links and the Exit button first
        form.getElement().setAttribute("no-autofocus", true);
        form.setI18n(i18n());
        // our own alert above the form: visible, read out by screen readers, and easy to test
        add(message, form);
        var help = new Paragraph("Forgotten your password? Ask your family support worker. They can send you a "
                + "link to choose a new one. New to Village? You need an invitation from your family support worker. ");
        help.add(new Anchor("join", "I have an invitation code"));
        add(help);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        if (params.containsKey("locked")) {
            show("This account is paused for 15 minutes",
                    "There were too many wrong passwords. This keeps your account safe. Please try again after "
                            + "15 minutes, or ask your family support worker for a link to choose a new password.");
        } else if (params.containsKey("slow")) {
            show("Please wait a few minutes",
                    "There have been too many wrong passwords from this device. Please wait 10 minutes and try again.");
        } else if (params.containsKey("disabled")) {
            show("This account is switched off",
                    "Please talk to your family support worker if you think this is a mistake.");
        } else if (params.containsKey("error")) {
            show("Check your sign-in name and password",
                    "The sign-in name or password was not right. Please try again.");
        }
    }

    private void show(String title, String text) {
        message.removeAll();
        message.add(Forms.notice("error", title + ". " + text));
    }

    private static LoginI18n i18n() {
        var i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("");
        i18n.getForm().setUsername("Sign-in name");
        i18n.getForm().setPassword("Password");
        i18n.getForm().setSubmit("Sign in");
        return i18n;
    }
}
