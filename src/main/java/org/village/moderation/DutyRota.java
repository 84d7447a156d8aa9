package org.village.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.village.helpnow.OpeningHours;
import org.village.helpnow.OpeningHoursParser;
import org.village.moderation.internal.RotaStore;
import org.village.security.CurrentUser;
import org.village.security.People;
import org.village.security.VillageUser;
import org.village.shared.AuditLog;
import org.village.shared.Capability;
import org.village.shared.InputProblem;
import org.village.shared.Roles;

/**
 * Who is on duty when (issue 10, decision 044): staffed hours are the hours of the people on the rota, each in the one
 * opening-hours model with dated exceptions, in an order that says who is asked first; and the out-of-hours contact,
 * an e-mail address workers keep. Urgent alerts, and later chat ("who is on duty for this room now"), ask here.
 * <p>
 * Reading needs MODERATE or TAKE_DUTY; changing needs TAKE_DUTY. Work the portal does by itself (an event listener, a
 * scheduled job: no one signed in on that thread) may read. Every change goes into the audit log.
 */
@Service
@Transactional
public class DutyRota {

    static final int MAX_HOURS_TEXT = 4000;
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>()\",;:\\\\]+@[^@\\s<>()\",;:\\\\]+\\.[^@\\s<>()\",;:\\\\]+");

    private final RotaStore store;
    private final People people;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    DutyRota(RotaStore store, People people, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.store = store;
        this.people = people;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** One row of the rota as workers see and edit it. */
    public record Entry(long id, long accountId, String name, int position, boolean alwaysOn, String hoursText,
                        OpeningHours hours, boolean active) {
    }

    // ---- reading --------------------------------------------------------------------------------------------

    /** The whole rota in order. */
    @Transactional(readOnly = true)
    public List<Entry> entries() {
        requireReader();
        return load();
    }

    /** The rota as a value, for questions about several moments. */
    @Transactional(readOnly = true)
    public RotaPlan plan() {
        requireReader();
        // a switched-off account, or one that no longer takes duty, is never on duty
        return new RotaPlan(load().stream().filter(Entry::active)
                .map(e -> new RotaPlan.Place(e.accountId(), e.name(), e.hours())).toList());
    }

    /** Who is on duty at that moment, in rota order (asked first comes first). */
    @Transactional(readOnly = true)
    public List<RotaPlan.OnDuty> onDutyAt(Instant at) {
        return plan().onDutyAt(at);
    }

    @Transactional(readOnly = true)
    public List<RotaPlan.OnDuty> onDutyNow() {
        return onDutyAt(clock.instant());
    }

    /** The next person to come on duty after that moment who is not on duty then, and when they start. */
    @Transactional(readOnly = true)
    public Optional<RotaPlan.Upcoming> nextOnDuty(Instant after) {
        return plan().nextOnDuty(after);
    }

    /** True when someone is on duty then. */
    @Transactional(readOnly = true)
    public boolean staffed(Instant at) {
        return plan().staffed(at);
    }

    /** The out-of-hours contact's e-mail address, if workers set one. */
    @Transactional(readOnly = true)
    public Optional<String> outOfHoursContact() {
        requireReader();
        return store.setting(RotaStore.OUT_OF_HOURS);
    }

    /** Workers who may be put on the rota (they can take a turn on duty) and are not on it yet. */
    @Transactional(readOnly = true)
    public List<People.Person> candidates() {
        requireEditor();
        var on = store.all().stream().map(RotaStore.Row::accountId).toList();
        return dutyRoles().stream().flatMap(r -> people.allWithRole(r).stream()).distinct()
                .filter(p -> !on.contains(p.id())).toList();
    }

    // ---- changing -------------------------------------------------------------------------------------------

    /**
     * Puts a worker on the rota with these hours (or changes theirs). Hours are read as the help-now hours are
     * ("Mon-Fri 09:00-17:00", "2026-12-25 closed", "2026-12-24 18:00-22:00"); lines that cannot be read, or the same
     * opening and closing time, are refused kindly on the field {@code hours}. Overlaps between people are fine.
     */
    public void save(long accountId, boolean alwaysOn, String hoursText) {
        VillageUser me = requireEditor();
        if (!mayTakeDuty(accountId)) {
            throw InputProblem.keyed("person", "duty.problem.notWorker");
        }
        String text = hoursText == null ? "" : hoursText.strip();
        if (text.length() > MAX_HOURS_TEXT) {
            throw InputProblem.keyed("hours", "duty.problem.tooLong", MAX_HOURS_TEXT);
        }
        if (alwaysOn && !text.isEmpty()) {
            // the model ignores hours (and days off) for "always": say so rather than drop what was typed
            throw InputProblem.keyed("hours", "duty.problem.alwaysAndHours");
        }
        OpeningHours hours = OpeningHoursParser.parse(alwaysOn, text);
        var problems = hours.problems("hours");
        if (!problems.isEmpty()) {
            throw problems.getFirst();
        }
        if (!alwaysOn && hours.rows().isEmpty() && hours.dated().stream().allMatch(OpeningHours.Dated::closed)) {
            throw InputProblem.keyed("hours", "duty.problem.noHours");
        }
        String kept = OpeningHoursParser.format(hours);
        var before = store.byAccount(accountId);
        store.save(accountId, alwaysOn, kept, clock.instant());
        audit.record(me.actor(), before.isPresent() ? "duty.hours" : "duty.add", "account:" + accountId,
                (before.map(b -> "before: " + (b.alwaysOn() ? "always" : b.hours().replace('\n', ';')) + " | ").orElse(""))
                        + "after: " + (alwaysOn ? "always" : kept.replace('\n', ';')));
    }

    /** Takes a row off the rota. */
    public void remove(long entryId) {
        VillageUser me = requireEditor();
        var row = store.byId(entryId).orElseThrow(() -> InputProblem.keyed("person", "duty.problem.gone"));
        if (store.remove(entryId) == 1) {
            audit.record(me.actor(), "duty.remove", "account:" + row.accountId(), "position " + row.position());
        }
    }

    /** Moves a row one place up (earlier: asked sooner) or down. Nothing happens at either end. */
    public void move(long entryId, boolean up) {
        VillageUser me = requireEditor();
        var rows = store.all();
        int at = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == entryId) {
                at = i;
            }
        }
        if (at < 0) {
            throw InputProblem.keyed("person", "duty.problem.gone");
        }
        int other = up ? at - 1 : at + 1;
        if (other < 0 || other >= rows.size()) {
            return;
        }
        if (store.swap(entryId, rows.get(other).id(), clock.instant())) {
            audit.record(me.actor(), "duty.order", "account:" + rows.get(at).accountId(), up ? "up" : "down");
        }
    }

    /** Sets the out-of-hours contact's e-mail address; empty removes it. */
    public void saveOutOfHoursContact(String address) {
        VillageUser me = requireEditor();
        String clean = address == null ? "" : address.strip();
        var before = store.setting(RotaStore.OUT_OF_HOURS).orElse("");
        if (clean.isEmpty()) {
            store.removeSetting(RotaStore.OUT_OF_HOURS);
        } else if (clean.length() > 254 || !ADDRESS.matcher(clean).matches()) {
            throw InputProblem.keyed("address", "duty.problem.address");
        } else {
            store.saveSetting(RotaStore.OUT_OF_HOURS, clean, clock.instant());
        }
        // the address is a service's, not a person's, but the log keeps only that it changed
        audit.record(me.actor(), "duty.out-of-hours", "setting:out-of-hours",
                (before.isEmpty() ? "was not set" : "was set") + ", now " + (clean.isEmpty() ? "not set" : "set"));
    }

    // ---- for the portal's own work (no one signed in) ---------------------------------------------------------

    List<Entry> load() {
        var out = new ArrayList<Entry>();
        var rows = store.all();
        var ids = rows.stream().map(RotaStore.Row::accountId).toList();
        var names = new java.util.HashMap<Long, String>();
        for (String role : dutyRoles()) {
            people.withRole(ids, role).forEach(p -> names.put(p.id(), p.displayName()));
        }
        for (var row : rows) {
            OpeningHours hours;
            try {
                hours = OpeningHoursParser.parse(row.alwaysOn(), row.hours());
            } catch (InputProblem e) {
                hours = new OpeningHours(false, List.of()); // never saved unreadable; treat as never on duty
            }
            String name = names.get(row.accountId());
            out.add(new Entry(row.id(), row.accountId(), name, row.position(), row.alwaysOn(), row.hours(), hours,
                    name != null));
        }
        return out;
    }

    boolean mayTakeDuty(long accountId) {
        return dutyRoles().stream().anyMatch(r -> people.hasRole(accountId, r));
    }

    private static List<String> dutyRoles() {
        return Roles.ALL.stream().filter(r -> Roles.CAPABILITIES.getOrDefault(r, java.util.Set.of())
                .contains(Capability.TAKE_DUTY)).toList();
    }

    /** MODERATE or TAKE_DUTY; or the portal's own work, where no one is signed in on this thread at all. */
    void requireReader() {
        if (SecurityContextHolder.getContext().getAuthentication() == null) {
            return;
        }
        var me = currentUser.get().orElseThrow(() -> new AccessDeniedException("Sign in first"));
        if (!me.can(Capability.MODERATE) && !me.can(Capability.TAKE_DUTY)) {
            throw new AccessDeniedException("Not for this account");
        }
    }

    VillageUser requireEditor() {
        var me = currentUser.require();
        if (!me.can(Capability.TAKE_DUTY)) {
            throw new AccessDeniedException("Only people who take a turn on duty change the rota");
        }
        return me;
    }
}
