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
import com.vaadin.flow.server.VaadinSession;
import org.village.security.LoginProtection;
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
        // the same answers for every name, real or not: they never tell whether an account exists
        if (params.containsKey("wait")) {
            long minutes = minutes(params.get("wait"));
            show("Please wait " + minutes + (minutes == 1 ? " minute" : " minutes") + " before you try again",
                    "There have been several wrong passwords for this sign-in name on this device. This keeps the "
                            + "account safe. If you have forgotten your password, ask your family support worker for a "
                            + "link to choose a new one.");
        } else if (params.containsKey("slow")) {
            show("Please wait a few minutes",
                    "There have been too many wrong passwords from this device. Please wait 10 minutes and try again.");
        } else if (params.containsKey("disabled")) {
            show("This account is switched off",
                    "Please talk to your family support worker if you think this is a mistake.");
        } else if (params.containsKey("error")) {
            show("Check your sign-in name and password",
                    "The sign-in name or password was not right. Please try again.");
        } else if (params.containsKey("ended")) {
            show("You have been signed out",
                    "This happens when a password is changed, an account is switched off or changed, or Village has "
                            + "not been used for a while. Please sign in again. If you cannot, ask your family support worker.");
        }
        keepTypedName();
    }

    /** Puts back the sign-in name typed before a failed attempt (kept in the session, not in the address). */
    private void keepTypedName() {
        var session = VaadinSession.getCurrent() == null ? null : VaadinSession.getCurrent().getSession();
        if (session == null || !(session.getAttribute(LoginProtection.TYPED_NAME) instanceof String name)) {
            return;
        }
        session.removeAttribute(LoginProtection.TYPED_NAME);
        // the form draws its fields itself once it has started; wait for the field, at most a couple of seconds
        form.getElement().executeJs("""
                const form = this;
                const fill = (tries) => {
                  const field = form.querySelector("vaadin-text-field[name='username']");
                  if (field) {
                    field.value = $0;
                  } else if (tries > 0) {
                    requestAnimationFrame(() => fill(tries - 1));
                  }
                };
                fill(120);""", name);
    }

    private static long minutes(java.util.List<String> values) {
        try {
            return Math.clamp(Long.parseLong(values.isEmpty() ? "" : values.getFirst()), 1, 60);
        } catch (NumberFormatException e) {
            return 15;
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
