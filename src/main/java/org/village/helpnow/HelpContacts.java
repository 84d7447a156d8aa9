package org.village.helpnow;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.village.helpnow.internal.ContactStore;
import org.village.helpnow.internal.ContactStore.Contact;
import org.village.security.CurrentUser;
import org.village.shared.AuditLog;
import org.village.shared.InputProblem;
import org.village.shared.Roles;

/**
 * The help-now contacts (helplines, the police, out-of-hours social care) as data admins keep up to date.
 * Also a {@link HelpNowSource}, held in memory because every guide page asks for it.
 */
@Service
// first of the sources: a number both here and in the directory shows as the admins keep it here
@Order(Ordered.HIGHEST_PRECEDENCE)
public class HelpContacts implements HelpNowSource {

    private final ContactStore store;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private volatile List<Contact> cache;

    HelpContacts(ContactStore store, CurrentUser currentUser, AuditLog audit) {
        this.store = store;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** What an admin edits. Hours are "Mon-Fri 08:30-17:00" or "2026-12-25 closed" lines, read by {@link OpeningHoursParser}. */
    public record ContactEdit(long id, long version, String name, String description, String phone, String url,
                              boolean alwaysOpen, boolean outOfHours, String hours) {
    }

    @Override
    public List<HelpLine> helpLines() {
        return contacts().stream().map(c -> new HelpLine("contact:" + c.slug(), c.name(), c.description(), c.phone(),
                c.url(), c.hours(), c.outOfHours(), c.emergency())).toList();
    }

    private List<Contact> contacts() {
        List<Contact> c = cache;
        if (c == null) {
            c = store.all();
            cache = c;
        }
        return c;
    }

    @PreAuthorize(Roles.HAS_ADMIN)
    public List<ContactEdit> forEditing() {
        return store.all().stream().map(c -> new ContactEdit(c.id(), c.version(), c.name(), c.description(), c.phone(),
                c.url(), c.hours().alwaysOpen(), c.outOfHours(), formatHours(c.hours()))).toList();
    }

    @PreAuthorize(Roles.HAS_ADMIN)
    @Transactional
    public void save(ContactEdit e) {
        if (e.name() == null || e.name().isBlank() || e.name().length() > 120) {
            throw InputProblem.keyed("name", "helpnow.problem.name");
        }
        if (e.phone() == null || !e.phone().strip().matches("[0-9 +]{3,20}")) {
            throw InputProblem.keyed("phone", "helpnow.problem.phone");
        }
        if (e.description() == null || e.description().isBlank() || e.description().length() > 400) {
            throw InputProblem.keyed("description", "helpnow.problem.description");
        }
        if (e.url() != null && !e.url().isBlank() && !e.url().startsWith("https://")) {
            throw InputProblem.keyed("url", "helpnow.problem.url");
        }
        var hours = OpeningHoursParser.parse(e.alwaysOpen(), e.hours());
        if (!hours.problems("hours").isEmpty()) {
            throw hours.problems("hours").getFirst();
        }
        var saved = new Contact(e.id(), null, e.name().strip(), e.description().strip(), e.phone().strip(), null,
                e.url() == null || e.url().isBlank() ? null : e.url().strip(), hours, e.outOfHours(), false, 0, e.version());
        if (!store.update(saved)) {
            throw InputProblem.keyed(null, "helpnow.problem.changed");
        }
        audit.record(currentUser.actor(), "helpnow.contact.saved", "contact:" + e.id(), e.name());
        forget();
    }

    /**
     * Drops the in-memory list now and again once the change is committed: a page read between the two would
     * otherwise keep the old line until the next edit.
     */
    private void forget() {
        cache = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache = null;
                }
            });
        }
    }

    /** The admin's lines, read by the one parser ({@link OpeningHoursParser}). */
    public static OpeningHours parseHours(String text) {
        return OpeningHoursParser.parse(false, text);
    }

    static String formatHours(OpeningHours hours) {
        return OpeningHoursParser.format(hours);
    }
}
