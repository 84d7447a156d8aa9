package org.village.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.VaadinSession;
import org.village.security.LoginProtection;
import org.village.shared.ui.Forms;

/** Sign in for parents and staff. The messages say plainly what happened and what to do. */
@Route("login")
@AnonymousAllowed
public class LoginView extends Div implements BeforeEnterObserver, com.vaadin.flow.router.HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final Div message = new Div();

    LoginView() {
        addClassName("page");
        add(new H1(getTranslation("login.title")));
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        // no autofocus: keyboard users meet the skip links and the Exit button first
        form.getElement().setAttribute("no-autofocus", true);
        form.setI18n(i18n());
        // our own alert above the form: visible, read out by screen readers, and easy to test
        add(message, form);
        var help = new Paragraph(getTranslation("login.help") + " ");
        help.add(new Anchor("join", getTranslation("login.invitation")));
        add(help);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        // the same answers for every name, real or not: they never tell whether an account exists
        if (params.containsKey("wait")) {
            long minutes = minutes(params.get("wait"));
            show(getTranslation(minutes == 1 ? "login.wait.one" : "login.wait.many", minutes),
                    getTranslation("login.wait.text"));
        } else if (params.containsKey("slow")) {
            show(getTranslation("login.slow.title"), getTranslation("login.slow.text"));
        } else if (params.containsKey("disabled")) {
            show(getTranslation("login.disabled.title"), getTranslation("login.disabled.text"));
        } else if (params.containsKey("error")) {
            show(getTranslation("login.error.title"), getTranslation("login.error.text"));
        } else if (params.containsKey("ended")) {
            show(getTranslation("login.ended.title"), getTranslation("login.ended.text"));
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

    private LoginI18n i18n() {
        var i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("");
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.title"));
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("pageTitle.signIn");
    }
}
