package org.village.notification;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;
import org.village.notification.internal.EmailStore;
import org.village.notification.internal.MailTransport;
import org.village.shared.Texts;

/**
 * Sends what {@link Emails} queued, after the commit, in the recipient's language. When the SMTP server cannot be
 * reached this throws: the publication stays incomplete in the registry and {@code internal.MailRetry} hands it back
 * later (decision 071). An e-mail already marked sent is never sent again. Logs never name the recipient.
 *
 * <p>The listeners are what {@code @ApplicationModuleListener} is (after the commit, in a transaction of their own,
 * kept by the registry until they worked) but on {@code internal.MailSendingExecutor}'s four threads instead of a
 * virtual thread per e-mail (decision 097).
 */
@Component
class EmailSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

    private final EmailStore store;
    private final MailTransport transport;
    private final Emails emails;
    private final Clock clock;
    private final org.village.security.People people;

    EmailSender(EmailStore store, MailTransport transport, Emails emails, Clock clock,
                org.village.security.People people) {
        this.people = people;
        this.store = store;
        this.transport = transport;
        this.emails = emails;
        this.clock = clock;
    }

    /** To an address that is no account's (the out-of-hours contact): no setting to look at, always the discreet subject. */
    @Async("mailSending")
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener
    void on(EmailToAddress event) {
        if (!transport.available()) {
            return;
        }
        var locale = java.util.Locale.forLanguageTag(event.language() == null ? "en" : event.language());
        var settings = transport.settings();
        String subject = settings.subject() != null && !settings.subject().isBlank() ? settings.subject().strip()
                : Texts.text(locale, "notification.email.subject");
        String body = Texts.text(locale, event.bodyKey(), event.bodyArgs().toArray()) + "\n\n"
                + settings.portalUrl().replaceAll("/+$", "") + event.link() + "\n\n"
                + Texts.text(locale, "notification.email.footer");
        try {
            transport.send(event.address(), subject, body, List.of());
        } catch (RuntimeException e) {
            log.warn("An e-mail to a service address could not be sent ({}); it stays in the event registry and is"
                    + " tried again later", e.getClass().getSimpleName());
            throw e;
        }
    }

    @Async("mailSending")
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener
    void on(EmailQueued event) {
        var mail = store.outgoing(event.emailId()).orElse(null);
        if (mail == null || mail.sentAt() != null) {
            return;
        }
        var setting = store.setting(mail.accountId());
        if (!setting.on() || setting.address() == null || !transport.available()) {
            return; // switched off since it was queued: nothing goes out
        }
        var locale = emails.languageOf(mail.accountId());
        var settings = transport.settings();
        String subject = mail.subject() != null ? mail.subject()
                : settings.subject() != null && !settings.subject().isBlank() ? settings.subject().strip()
                : Texts.text(locale, "notification.email.subject");
        String body = Texts.text(locale, mail.bodyKey(), mail.bodyArgs().toArray()) + "\n\n"
                + settings.portalUrl().replaceAll("/+$", "") + mail.link() + "\n\n"
                + Texts.text(locale, "notification.email.footer");
        var attached = mail.attachment() == null ? List.<MailTransport.Attached>of()
                : List.of(new MailTransport.Attached(mail.attachmentName(), mail.attachmentType(), mail.attachment()));
        try {
            transport.send(setting.address(), subject, body, attached);
        } catch (RuntimeException e) {
            log.warn("E-mail {} could not be sent ({}); it stays in the event registry and is tried again later",
                    mail.id(), e.getClass().getSimpleName());
            throw e;
        }
        store.markSent(mail.id(), clock.instant());
    }

    /**
     * A batch from {@link Emails#sendAll} (decision 100): the e-mails, settings and languages in one read each, then
     * all over one SMTP connection. No transaction around it: each e-mail is marked sent as soon as the server took
     * it, so when one fails and this throws (the publication stays in the registry for {@code MailRetry}), the ones
     * that went are not rolled back and a resubmission sends only the rest. Logs never name a recipient.
     */
    @Async("mailSending")
    @TransactionalEventListener
    void on(EmailsQueued event) {
        if (!transport.available()) {
            return;
        }
        var waiting = store.outgoing(event.emailIds()).stream().filter(m -> m.sentAt() == null).toList();
        if (waiting.isEmpty()) {
            return;
        }
        var accounts = waiting.stream().map(EmailStore.Outgoing::accountId).distinct().toList();
        var settings = store.settings(accounts);
        var languages = people.languagesOf(accounts);
        var mailSettings = transport.settings();
        var portal = mailSettings.portalUrl().replaceAll("/+$", "");
        var going = new java.util.ArrayList<EmailStore.Outgoing>();
        var outbound = new java.util.ArrayList<MailTransport.Outbound>();
        for (var mail : waiting) {
            var setting = settings.getOrDefault(mail.accountId(), EmailStore.Setting.OFF);
            if (!setting.on() || setting.address() == null) {
                continue; // switched off since it was queued: nothing goes out
            }
            String language = languages.get(mail.accountId());
            var locale = language == null || language.isBlank() ? java.util.Locale.ENGLISH
                    : java.util.Locale.forLanguageTag(language);
            String subject = mail.subject() != null ? mail.subject()
                    : mailSettings.subject() != null && !mailSettings.subject().isBlank() ? mailSettings.subject().strip()
                    : Texts.text(locale, "notification.email.subject");
            String body = Texts.text(locale, mail.bodyKey(), mail.bodyArgs().toArray()) + "\n\n" + portal + mail.link()
                    + "\n\n" + Texts.text(locale, "notification.email.footer");
            var attached = mail.attachment() == null ? List.<MailTransport.Attached>of()
                    : List.of(new MailTransport.Attached(mail.attachmentName(), mail.attachmentType(), mail.attachment()));
            going.add(mail);
            outbound.add(new MailTransport.Outbound(setting.address(), subject, body, attached));
        }
        if (going.isEmpty()) {
            return;
        }
        var failed = transport.sendAll(outbound);
        var now = clock.instant();
        for (int i = 0; i < going.size(); i++) {
            if (!failed.contains(i)) {
                store.markSent(going.get(i).id(), now);
            }
        }
        if (!failed.isEmpty()) {
            log.warn("{} of {} e-mails of a batch could not be sent; they stay in the event registry and are tried again"
                    + " later", failed.size(), going.size());
            throw new IllegalStateException(failed.size() + " e-mails of a batch could not be sent");
        }
    }
}
