package org.village.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.moderation.internal.AlertStore;
import org.village.moderation.internal.RotaStore;
import org.village.notification.Email;
import org.village.notification.Emails;
import org.village.notification.Notifications;
import org.village.shared.AuditLog;

/**
 * Who hears about an urgent case, and when (decision 047). When a case opens: in staffed hours the first person on
 * duty gets a live alert on every page and a notification; out of hours the out-of-hours contact gets a discreet
 * e-mail at once. While nobody acknowledges, every {@code urgent-escalate-after} the next person is alerted: the others
 * on duty in rota order, then the rest of the rota, then the out-of-hours contact. Each step is a conditional update,
 * so with several nodes (each runs the check) an alert escalates once.
 */
@Component
class UrgentAlerting {

    private static final Logger log = LoggerFactory.getLogger(UrgentAlerting.class);
    static final String KIND = "moderation";

    private final AlertStore alerts;
    private final RotaStore rotaStore;
    private final DutyRota rota;
    private final Notifications notifications;
    private final Emails emails;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration escalateAfter;

    UrgentAlerting(AlertStore alerts, RotaStore rotaStore, DutyRota rota, Notifications notifications, Emails emails,
                   AuditLog audit, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock,
                   @Value("${village.moderation.urgent-escalate-after:PT3M}") Duration escalateAfter) {
        this.alerts = alerts;
        this.rotaStore = rotaStore;
        this.rota = rota;
        this.notifications = notifications;
        this.emails = emails;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.escalateAfter = escalateAfter;
    }

    /** After the case's transaction committed; runs in its own transaction and is retried by the registry if it fails. */
    @ApplicationModuleListener
    void on(UrgentRaised event) {
        record(event);
    }

    /** Records the alert and tells the first person (or the out-of-hours contact). Nothing when recorded already. */
    Optional<Long> record(UrgentRaised event) {
        Instant now = clock.instant();
        var plan = plan();
        var onDuty = plan.onDutyAt(now);
        boolean staffed = !onDuty.isEmpty();
        var id = alerts.insert(event.caseId(), event.subject().kind(), event.subject().id(), event.kind().name(),
                event.at() == null ? now : event.at(), now, staffed, staffed ? now.plus(escalateAfter) : null);
        if (id.isEmpty()) {
            return id;
        }
        if (staffed) {
            alertPerson(id.get(), event.caseId(), onDuty.getFirst().accountId(), 0, now);
        } else {
            tellOutOfHours(id.get(), event.caseId(), now);
        }
        events.publishEvent(new AlertsChanged(id.get(), alerts.stamp()));
        return id;
    }

    @Scheduled(fixedDelayString = "${village.moderation.urgent-check-every:PT15S}",
            initialDelayString = "${village.moderation.urgent-check-every:PT15S}")
    void check() {
        try {
            escalateDue();
        } catch (RuntimeException e) {
            log.warn("Urgent alerts could not be checked this time ({})", e.getClass().getSimpleName());
        }
    }

    /** Escalates every alert whose time is up, each in its own transaction. @return how many this call escalated */
    int escalateDue() {
        int done = 0;
        for (var row : alerts.due(clock.instant(), 100)) {
            Boolean escalated = tx.execute(status -> escalate(row));
            if (Boolean.TRUE.equals(escalated)) {
                done++;
            }
        }
        return done;
    }

    private boolean escalate(AlertStore.Row row) {
        Instant now = clock.instant();
        var already = alerts.recipients(row.id());
        var next = chain(now).stream().filter(id -> !already.contains(id)).findFirst();
        if (next.isPresent()) {
            if (alerts.escalate(row.id(), row.level(), now.plus(escalateAfter), now) != 1) {
                return false; // another node (or another run) escalated it, or someone acknowledged it just now
            }
            alertPerson(row.id(), row.caseId(), next.get(), row.level() + 1, now);
        } else {
            if (alerts.escalate(row.id(), row.level(), null, now) != 1) {
                return false;
            }
            tellOutOfHours(row.id(), row.caseId(), now);
        }
        audit.record(AuditLog.Actor.SYSTEM, "urgent.escalate", "case:" + row.caseId(),
                "level " + (row.level() + 1) + (next.isPresent() ? ", next on the rota" : ", out-of-hours contact"));
        events.publishEvent(new AlertsChanged(row.id(), alerts.stamp()));
        return true;
    }

    /** Who is asked, in order: those on duty now (rota order), then everyone else on the rota. */
    private List<Long> chain(Instant now) {
        var plan = plan();
        var order = new LinkedHashSet<Long>();
        plan.onDutyAt(now).forEach(p -> order.add(p.accountId()));
        plan.places().forEach(p -> order.add(p.accountId()));
        return new ArrayList<>(order);
    }

    private RotaPlan plan() {
        return new RotaPlan(rota.load().stream().filter(DutyRota.Entry::active)
                .map(e -> new RotaPlan.Place(e.accountId(), e.name(), e.hours())).toList());
    }

    private void alertPerson(long alertId, long caseId, long accountId, int level, Instant now) {
        alerts.addRecipient(alertId, accountId, level, now);
        // the words say only that something urgent waits; the e-mail that goes with it (for those who switched e-mail
        // on) says less still (decision 072)
        notifications.tell(accountId, KIND, "duty.notify.urgent", "/today");
        audit.record(AuditLog.Actor.SYSTEM, "urgent.alert", "case:" + caseId, "account " + accountId + ", level " + level);
    }

    private void tellOutOfHours(long alertId, long caseId, Instant now) {
        var address = rotaStore.setting(RotaStore.OUT_OF_HOURS);
        boolean queued = address.isPresent() && emails.sendToAddress(address.get(),
                new Email(null, "duty.email.outOfHours", List.of(), "/today", null), Locale.ENGLISH);
        alerts.markOutOfHours(alertId, now);
        audit.record(AuditLog.Actor.SYSTEM, "urgent.out-of-hours", "case:" + caseId,
                queued ? "e-mail to the out-of-hours contact" : "no out-of-hours contact set, or e-mail is off");
        if (!queued) {
            log.warn("An urgent case could not be e-mailed to the out-of-hours contact: none is set or e-mail is off");
        }
    }
}
