package org.village.moderation;

import com.vaadin.flow.shared.Registration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.village.moderation.internal.AlertStore;
import org.village.security.CurrentUser;
import org.village.security.People;
import org.village.security.VillageUser;
import org.village.shared.AuditLog;
import org.village.shared.Capability;
import org.village.shared.InputProblem;
import org.village.shared.Roles;

/**
 * Urgent alerts as the people on duty see them (issue 10, decision 047): what is waiting for me, everything nobody has
 * looked at yet, and "I'm looking at it", which records the time from the post to the acknowledgement. Reading what
 * waits for me needs TAKE_DUTY; everything else MODERATE (or TAKE_DUTY). Parents get nothing here.
 */
@Service
@Transactional
public class UrgentAlerts {

    static final int MAX_SHOWN = 50;

    private final AlertStore store;
    private final CurrentUser currentUser;
    private final People people;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AlertBroadcast broadcast;
    private final org.springframework.beans.factory.ObjectProvider<ModeratedContent> contents;

    UrgentAlerts(AlertStore store, CurrentUser currentUser, People people, AuditLog audit, Clock clock,
                 ApplicationEventPublisher events, AlertBroadcast broadcast,
                 org.springframework.beans.factory.ObjectProvider<ModeratedContent> contents) {
        this.store = store;
        this.currentUser = currentUser;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.broadcast = broadcast;
        this.contents = contents;
    }

    /**
     * An urgent alert as a worker sees it. {@code link} is where the item is shown (a portal path); {@code
     * acknowledgedBy} the name of who looked at it; {@code postToAcknowledged} the time from the post to that.
     */
    public record Alert(long id, long caseId, Subject subject, RiskKind risk, Instant raisedAt, int level,
                        boolean staffed, boolean outOfHoursTold, Instant acknowledgedAt, String acknowledgedBy,
                        Duration postToAcknowledged, String link) {

        public boolean acknowledged() {
            return acknowledgedAt != null;
        }
    }

    /** Unacknowledged alerts the signed-in person was alerted to (the banner on every page). */
    @Transactional(readOnly = true)
    public List<Alert> mine() {
        var me = currentUser.require();
        if (!me.can(Capability.TAKE_DUTY)) {
            throw new AccessDeniedException("Only people on duty get urgent alerts");
        }
        return store.openFor(me.id(), MAX_SHOWN).stream().map(this::alert).toList();
    }

    /** Every alert nobody has acknowledged yet, oldest first (the Today page). */
    @Transactional(readOnly = true)
    public List<Alert> open() {
        requireModerator();
        return store.open(MAX_SHOWN).stream().map(this::alert).toList();
    }

    /** Alerts acknowledged in the last day, newest first, with the time each took. */
    @Transactional(readOnly = true)
    public List<Alert> recentlyAcknowledged(int limit) {
        requireModerator();
        return store.recentlyAcknowledged(clock.instant().minus(Duration.ofDays(1)), Math.clamp(limit, 1, MAX_SHOWN))
                .stream().map(this::alert).toList();
    }

    /** The alert for a case in the queue, to show on the item (when it was raised, who looked, how long it took). */
    @Transactional(readOnly = true)
    public Optional<Alert> forCase(long caseId) {
        requireModerator();
        return store.byCase(caseId).map(this::alert);
    }

    /**
     * "I'm looking at it": the first acknowledgement wins and stops escalation; its time from the post is kept and
     * goes into the audit log. A second press (a double click, another worker) changes nothing and returns the alert
     * as it stands. An id that does not exist is a kind problem, the same for every id.
     */
    public Alert acknowledge(long alertId) {
        VillageUser me = requireModerator();
        var row = store.byId(alertId).orElseThrow(() -> InputProblem.keyed("alert", "duty.problem.alertGone"));
        if (row.acknowledgedAt() == null) {
            Instant now = clock.instant();
            long millis = Math.max(0, Duration.between(row.raisedAt(), now).toMillis());
            if (store.acknowledge(alertId, me.id(), now, millis) == 1) {
                audit.record(me.actor(), "urgent.acknowledge", "case:" + row.caseId(),
                        "post to acknowledgement " + Duration.ofMillis(millis).toSeconds() + " s, level " + row.level());
                events.publishEvent(new AlertsChanged(alertId, store.stamp()));
            }
        }
        return alert(store.byId(alertId).orElseThrow());
    }

    /** Calls {@code onChange} (on another thread) whenever an alert may have changed; pages read their own again. */
    public Registration subscribe(Runnable onChange) {
        return broadcast.subscribe(onChange);
    }

    private VillageUser requireModerator() {
        var me = currentUser.require();
        if (!me.can(Capability.MODERATE) && !me.can(Capability.TAKE_DUTY)) {
            throw new AccessDeniedException("Only people who moderate see urgent alerts");
        }
        return me;
    }

    Alert alert(AlertStore.Row r) {
        var subject = new Subject(r.subjectKind(), r.subjectId());
        String by = r.acknowledgedBy() == null ? null : nameOf(r.acknowledgedBy());
        return new Alert(r.id(), r.caseId(), subject, RiskKind.valueOf(r.risk()), r.raisedAt(), r.level(), r.staffed(),
                r.outOfHoursAt() != null, r.acknowledgedAt(), by,
                r.ackMillis() == null ? null : Duration.ofMillis(r.ackMillis()), link(subject));
    }

    private String nameOf(long accountId) {
        return Roles.STAFF_ROLES.stream().flatMap(role -> people.withRole(List.of(accountId), role).stream())
                .map(People.Person::displayName).findFirst().orElse("");
    }

    /** Where the item is shown, from the module that owns it (without a fragment: a plain portal path). */
    String link(Subject subject) {
        return contents.orderedStream().filter(c -> c.kind().equals(subject.kind())).findFirst()
                .flatMap(c -> c.find(subject.id()))
                .map(item -> "/" + item.link().replaceFirst("^/+", "").replaceFirst("#.*$", ""))
                .orElse("/today");
    }
}
