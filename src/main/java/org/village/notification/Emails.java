package org.village.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.village.notification.internal.EmailStore;
import org.village.notification.internal.MailTransport;
import org.village.security.CurrentUser;
import org.village.security.People;
import org.village.shared.Roles;

/**
 * E-mail to people who asked for it. Nothing is sent to anyone who has not switched e-mail on with an address (it is
 * off by default, decision 070). {@link #send} puts the e-mail in an outbox in the caller's transaction and publishes
 * {@link EmailQueued}; a listener sends it after the commit, and the event publication registry keeps it until the
 * send worked, retrying with a back-off (decision 071).
 */
@Service
@Transactional
public class Emails {

    private final EmailStore store;
    private final MailTransport transport;
    private final CurrentUser currentUser;
    private final People people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Emails(EmailStore store, MailTransport transport, CurrentUser currentUser, People people,
           ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.transport = transport;
        this.currentUser = currentUser;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Queues an e-mail to this account if they switched e-mail on; joins the caller's transaction.
     *
     * @return true when it was queued, false when the person has e-mail off (or e-mail is not set up here)
     */
    public boolean send(long accountId, Email email) {
        Links.check(email.link());
        var setting = store.setting(accountId);
        if (!setting.on() || setting.address() == null || !transport.available() || !people.isActive(accountId)) {
            return false;
        }
        var a = email.attachment();
        long id = store.queue(accountId, email.subject(), email.bodyKey(), email.bodyArgs(), email.link(),
                a == null ? null : a.fileName(), a == null ? null : a.contentType(), a == null ? null : a.bytes(),
                clock.instant());
        events.publishEvent(new EmailQueued(id));
        return true;
    }

    /** How many outbox ids one {@link EmailsQueued} carries: the four sending threads share a batch's events. */
    static final int PER_EVENT = 50;

    /** One e-mail of a batch and the account it is for. */
    public record Addressed(long accountId, Email email) {
    }

    /**
     * {@link #send} for many e-mails at once, for jobs such as booking reminders (decision 100): the settings in one
     * read, whether the accounts are switched on in one read per role, the outbox rows in multi-row inserts, and one
     * {@link EmailsQueued} per {@link #PER_EVENT} e-mails instead of an event (and a registry row) each. Joins the
     * caller's transaction: nothing goes out if it rolls back. The same rules as {@link #send}: only to accounts that
     * switched e-mail on with an address and are switched on.
     *
     * @return for each e-mail given, in order, whether it was queued
     */
    public List<Boolean> sendAll(List<Addressed> mails) {
        mails.forEach(m -> Links.check(m.email().link()));
        var queued = new ArrayList<Boolean>(Collections.nCopies(mails.size(), Boolean.FALSE));
        if (mails.isEmpty() || !transport.available()) {
            return queued;
        }
        return queue(mails, wanting(mails.stream().map(Addressed::accountId).toList()), queued);
    }

    /**
     * {@link #sendAll} for e-mails that cost something to make (calendar files, reads of what they are about): first,
     * in one read, which of these accounts switched e-mail on with an address; only for those is {@code mailsFor}
     * asked for the e-mails (decision 105: most parents have e-mail off, and the telling after a booking then reads
     * nothing more). The same rules and the same transaction as {@link #sendAll}; e-mails {@code mailsFor} makes for
     * anyone else are not sent.
     *
     * @return how many were queued
     */
    public int sendAllWanted(java.util.Collection<Long> accountIds,
                             java.util.function.Function<Set<Long>, List<Addressed>> mailsFor) {
        if (accountIds.isEmpty() || !transport.available()) {
            return 0;
        }
        var wanted = wanting(accountIds);
        if (wanted.isEmpty()) {
            return 0;
        }
        var mails = mailsFor.apply(Collections.unmodifiableSet(wanted)).stream()
                .filter(m -> wanted.contains(m.accountId())).toList();
        mails.forEach(m -> Links.check(m.email().link()));
        var queued = queue(mails, wanted, new ArrayList<>(Collections.nCopies(mails.size(), Boolean.FALSE)));
        return (int) queued.stream().filter(Boolean::booleanValue).count();
    }

    /**
     * Whether any of these accounts would be e-mailed now (switched on, with an address, and the portal can send): one
     * read, with no transaction of its own (it joins the caller's of any kind, a plain JDBC one too). Booking's telling
     * asks it first and makes its e-mails with {@link #sendAllWanted} only when the answer is yes (decision 108).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS, readOnly = true)
    public boolean anyWanting(java.util.Collection<Long> accountIds) {
        return !accountIds.isEmpty() && transport.available() && !wanting(accountIds).isEmpty();
    }

    /** Of these accounts, those who switched e-mail on with an address (one read). */
    private Set<Long> wanting(java.util.Collection<Long> accountIds) {
        var settings = store.settings(accountIds);
        var wanted = new LinkedHashSet<Long>();
        settings.forEach((id, s) -> {
            if (s.on() && s.address() != null) {
                wanted.add(id);
            }
        });
        return wanted;
    }

    private List<Boolean> queue(List<Addressed> mails, Set<Long> wanted, List<Boolean> queued) {
        if (mails.isEmpty() || wanted.isEmpty()) {
            return queued;
        }
        var active = activeOf(wanted);
        var rows = new ArrayList<EmailStore.ToQueue>();
        var positions = new ArrayList<Integer>();
        for (int i = 0; i < mails.size(); i++) {
            var m = mails.get(i);
            if (!active.contains(m.accountId())) {
                continue;
            }
            var e = m.email();
            var a = e.attachment();
            rows.add(new EmailStore.ToQueue(m.accountId(), e.subject(), e.bodyKey(), e.bodyArgs(), e.link(),
                    a == null ? null : a.fileName(), a == null ? null : a.contentType(), a == null ? null : a.bytes()));
            positions.add(i);
        }
        if (rows.isEmpty()) {
            return queued;
        }
        var ids = store.queueAll(rows, clock.instant());
        positions.forEach(i -> queued.set(i, Boolean.TRUE));
        for (int i = 0; i < ids.size(); i += PER_EVENT) {
            events.publishEvent(new EmailsQueued(ids.subList(i, Math.min(ids.size(), i + PER_EVENT))));
        }
        return queued;
    }

    /**
     * Of these accounts, the switched-on ones: one read per role ({@link People#withRole}), parents first, each
     * asking only about accounts not yet found; an account holding no role at all is asked about on its own.
     */
    private Set<Long> activeOf(Set<Long> ids) {
        var found = new HashSet<Long>();
        var left = new LinkedHashSet<>(ids);
        for (String role : Roles.ALL.reversed()) {
            if (left.isEmpty()) {
                break;
            }
            people.withRole(left, role).forEach(p -> found.add(p.id()));
            left.removeAll(found);
        }
        for (long id : left) {
            if (people.isActive(id)) {
                found.add(id);
            }
        }
        return found;
    }

    /**
     * Queues a discreet e-mail to an address that is no account's, such as the out-of-hours contact a partnership's
     * workers set (decision 047). The subject is always the partnership's discreet one; {@code email.subject()} and
     * attachments are not used. Joins the caller's transaction: nothing goes out if it rolls back.
     *
     * @return true when it was queued, false when e-mail is not set up here
     */
    public boolean sendToAddress(String address, Email email, Locale language) {
        Links.check(email.link());
        if (address == null || address.isBlank() || address.length() > 254 || !transport.available()) {
            return false;
        }
        events.publishEvent(new EmailToAddress(address.strip(), email.bodyKey(), email.bodyArgs(), email.link(),
                (language == null ? Locale.ENGLISH : language).toLanguageTag()));
        return true;
    }

    /** The discreet e-mail that goes with a notification: only that there is something new, and where. */
    void forNotification(long accountId) {
        send(accountId, new Email(null, "notification.email.body", java.util.List.of(), "/notifications", null));
    }

    /** The signed-in person's e-mail setting. */
    @Transactional(readOnly = true)
    public EmailSetting mySetting() {
        var s = store.setting(currentUser.require().id());
        return new EmailSetting(s.on(), s.address());
    }

    /**
     * Saves the signed-in person's choice. Switching e-mail on needs an address that looks like one.
     *
     * @throws org.village.shared.InputProblem for a missing or odd address (field {@code address})
     */
    public void saveMySetting(boolean on, String address) {
        String clean = address == null ? "" : address.strip();
        if (clean.isEmpty()) {
            if (on) {
                throw org.village.shared.InputProblem.keyed("address", "notification.settings.address.needed");
            }
            clean = null;
        } else if (clean.length() > 254 || !clean.matches("[^@\\s<>()\",;:\\\\]+@[^@\\s<>()\",;:\\\\]+\\.[^@\\s<>()\",;:\\\\]+")) {
            throw org.village.shared.InputProblem.keyed("address", "notification.settings.address.odd");
        }
        store.save(currentUser.require().id(), new EmailStore.Setting(on, clean), clock.instant());
    }

    /** True when this portal can send e-mail (an SMTP server is set, or the in-process one runs). */
    public boolean available() {
        return transport.available();
    }

    /** The language an e-mail to this account is written in: the one they chose, else English. */
    Locale languageOf(long accountId) {
        return people.languageOf(accountId).map(Locale::forLanguageTag).orElse(Locale.ENGLISH);
    }

    /** A person's e-mail choice: off by default. */
    public record EmailSetting(boolean on, String address) {
    }
}
