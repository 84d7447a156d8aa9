package org.village.guides;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.village.guides.internal.ContactStore;
import org.village.guides.internal.ContactStore.Contact;
import org.village.security.CurrentUser;
import org.village.shared.AuditLog;
import org.village.shared.HelpLine;
import org.village.shared.HelpNowSource;
import org.village.shared.InputProblem;
import org.village.shared.OpeningHours;
import org.village.shared.Roles;

/**
 * The help-now contacts (helplines, the police, out-of-hours social care) as data admins keep up to date.
 * Also a {@link HelpNowSource}, held in memory because every guide page asks for it.
 */
@Service
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

    /** What an admin edits. Hours rows are "MON-FRI 08:30-17:00"-style lines, parsed by {@link #parseHours}. */
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
            throw new InputProblem("name", "Give the contact a name, up to 120 characters.");
        }
        if (e.phone() == null || !e.phone().strip().matches("[0-9 +]{3,20}")) {
            throw new InputProblem("phone", "Write the phone number with numbers and spaces only, like 0117 903 6444.");
        }
        if (e.description() == null || e.description().isBlank() || e.description().length() > 400) {
            throw new InputProblem("description", "Say in a line or two when to call, up to 400 characters.");
        }
        if (e.url() != null && !e.url().isBlank() && !e.url().startsWith("https://")) {
            throw new InputProblem("url", "The website must start with https://");
        }
        var hours = e.alwaysOpen() ? OpeningHours.always() : parseHours(e.hours());
        if (!hours.problems().isEmpty()) {
            throw new InputProblem("hours", hours.problems().getFirst());
        }
        var saved = new Contact(e.id(), null, e.name().strip(), e.description().strip(), e.phone().strip(), null,
                e.url() == null || e.url().isBlank() ? null : e.url().strip(), hours, e.outOfHours(), false, 0, e.version());
        if (!store.update(saved)) {
            throw new InputProblem("Someone else changed this contact while you were editing. Your changes are still "
                    + "here. Reload to see theirs.");
        }
        audit.record(currentUser.actor(), "helpnow.contact.saved", "contact:" + e.id(), e.name());
        cache = null;
    }

    /** One row a line: "MON-FRI 08:30-17:00" or "SAT,SUN 09:00-18:00". A closing time before opening runs past midnight. */
    public static OpeningHours parseHours(String text) {
        var rows = new java.util.ArrayList<OpeningHours.Row>();
        int lineNo = 0;
        for (String line : (text == null ? "" : text).split("\\R")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            var m = java.util.regex.Pattern.compile("\\s*([A-Za-z,\\-]+)\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*")
                    .matcher(line);
            if (!m.matches()) {
                throw new InputProblem("hours", "Line " + lineNo + " should look like \"MON-FRI 09:00-17:00\".");
            }
            try {
                var days = java.util.EnumSet.noneOf(java.time.DayOfWeek.class);
                for (String part : m.group(1).split(",")) {
                    String[] range = part.split("-");
                    var from = OpeningHours.day(range[0]);
                    var to = range.length > 1 ? OpeningHours.day(range[1]) : from;
                    for (int d = from.getValue(); ; d = d % 7 + 1) {
                        days.add(java.time.DayOfWeek.of(d));
                        if (d == to.getValue()) {
                            break;
                        }
                    }
                }
                rows.add(new OpeningHours.Row(days, time(m.group(2)), time(m.group(3))));
            } catch (RuntimeException ex) {
                throw new InputProblem("hours", "Line " + lineNo + " has a day or time we could not read. "
                        + "Use MON, TUE ... SUN and 24-hour times like 08:30.");
            }
        }
        return new OpeningHours(false, rows);
    }

    private static java.time.LocalTime time(String s) {
        return java.time.LocalTime.parse(s.length() == 4 ? "0" + s : s);
    }

    static String formatHours(OpeningHours hours) {
        var sb = new StringBuilder();
        for (var row : hours.rows()) {
            var days = row.days().stream().sorted().map(d -> d.name().substring(0, 3)).toList();
            sb.append(String.join(",", days)).append(' ').append(row.opens()).append('-').append(row.closes()).append('\n');
        }
        return sb.toString().strip();
    }
}
