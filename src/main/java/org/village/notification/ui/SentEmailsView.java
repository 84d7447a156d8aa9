package org.village.notification.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.village.notification.internal.InProcessMail;
import org.village.notification.internal.MailTransport;
import org.village.shared.Roles;
import org.village.shared.Times;

/**
 * Admins read what the portal sent to the in-process SMTP server (the run command, decision 070), newest first.
 * The route exists only while that server runs ({@link SentEmailsRoute} registers it), so it is in the navigation
 * only then and never in production.
 */
@Route(value = "admin/sent-emails", registerAtStartup = false)
@Menu(order = 72, title = "Sent e-mails")
@RolesAllowed(Roles.ADMIN)
class SentEmailsView extends Div implements HasDynamicTitle {

    static final int SHOWN = 50;

    SentEmailsView(MailTransport transport) {
        addClassNames("page", "wide");
        add(new H1(getTranslation("notification.sent.title")));
        add(new Paragraph(getTranslation("notification.sent.intro", SHOWN)));
        var mails = transport.inProcess().map(s -> s.newest(SHOWN)).orElse(java.util.List.of());
        if (mails.isEmpty()) {
            add(new Paragraph(getTranslation("notification.sent.none")));
            return;
        }
        var list = new UnorderedList();
        list.setId("sent-emails");
        for (InProcessMail.Received mail : mails) {
            // each e-mail folds open from its subject line (a native <details>): a long list stays short, and every
            // e-mail is reachable by keyboard
            var content = new Div();
            if (!mail.attachments().isEmpty()) {
                content.add(new Paragraph(getTranslation("notification.sent.attached", String.join(", ", mail.attachments()))));
            }
            var body = new Pre(mail.body());
            body.getStyle().set("white-space", "pre-wrap");
            content.add(body);
            list.add(new ListItem(new NativeDetails(getTranslation("notification.sent.summary",
                    mail.subject() == null ? "" : mail.subject(), mail.to(),
                    mail.sentAt() == null ? "" : Times.dateTime(mail.sentAt())), content)));
        }
        add(list);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notification.sent.title");
    }
}
