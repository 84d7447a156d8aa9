package org.village.moderation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.village.moderation.CaseKind;
import org.village.moderation.CaseLine;
import org.village.moderation.Counts;
import org.village.moderation.ModeratedContent;
import org.village.moderation.ModerationQueue;
import org.village.moderation.RiskKind;
import org.village.moderation.Subject;
import org.village.moderation.UrgentRaised;
import org.village.notification.Notifications;
import org.village.security.CurrentUser;
import org.village.security.VillageUser;
import org.village.shared.AuditLog;
import org.village.shared.Capability;

/**
 * The moderation queue's cases (decision 039): one open case per subject and kind, kept by the database's unique
 * key; closing a case tells its reporters what moderators decided, once each.
 */
@Service
@Transactional
public class Queue implements ModerationQueue {

    private final CaseStore store;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Notifications notifications;
    private final ObjectProvider<ModeratedContent> contents;

    Queue(CaseStore store, Clock clock, ApplicationEventPublisher events, CurrentUser currentUser, AuditLog audit,
          Notifications notifications, ObjectProvider<ModeratedContent> contents) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.currentUser = currentUser;
        this.audit = audit;
        this.notifications = notifications;
        this.contents = contents;
    }

    @Override
    public long raise(Subject subject, long authorId, CaseKind kind, String reason, RiskKind risk) {
        if (kind == null) {
            throw new IllegalArgumentException("kind");
        }
        Instant now = clock.instant();
        Optional<Long> opened = store.openIfNone(subject, authorId, kind, reason, kind == CaseKind.URGENT ? risk : null, now);
        if (opened.isPresent()) {
            audit.record(AuditLog.Actor.SYSTEM, "moderation.case-opened", target(subject),
                    kind.name() + " case " + opened.get());
            if (kind == CaseKind.URGENT) {
                events.publishEvent(new UrgentRaised(opened.get(), subject, authorId, risk, now));
            }
            return opened.get();
        }
        return store.openCase(subject, kind).map(CaseStore.CaseRow::id)
                .orElseThrow(() -> new IllegalStateException("no case could be opened for " + target(subject)));
    }

    @Override
    public void settled(Subject subject, String outcome) {
        Optional<VillageUser> me = currentUser.get();
        closeAll(subject, outcome == null ? "SETTLED" : outcome, me.map(VillageUser::id).orElse(null),
                me.map(VillageUser::actor).orElse(AuditLog.Actor.SYSTEM), null);
    }

    /**
     * Closes every open case about the subject with this outcome, writes who did it in the audit log, and tells each
     * reporter once. Returns how many cases this call closed.
     */
    public int closeAll(Subject subject, String outcome, Long by, AuditLog.Actor actor, String reason) {
        Instant now = clock.instant();
        var closed = store.closeAll(subject, outcome, by, now);
        for (var c : closed) {
            audit.record(actor, "moderation.case-closed", target(subject),
                    c.kind().name() + " case " + c.id() + ": OPEN to CLOSED, " + outcome
                            + (reason == null || reason.isBlank() ? "" : ", reason: " + reason));
            tellReporters(c.id(), outcome, now);
        }
        return closed.size();
    }

    public void tellReporters(long caseId, String outcome, Instant now) {
        boolean kept = "APPROVE".equals(outcome) || "PUBLISHED".equals(outcome) || "DISMISS".equals(outcome);
        for (var report : store.untold(caseId, now)) {
            notifications.tell(report.reporterId(), "moderation",
                    kept ? "notification.moderation.reportKept" : "notification.moderation.reportActed", "/notifications");
        }
    }

    @Override
    // one read: no transaction of its own, so it also runs inside chat's plain-JDBC send transaction (decision 099)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<Instant> silencedUntil(long accountId) {
        return store.silencedUntil(accountId, clock.instant());
    }

    @Override
    @Transactional(readOnly = true)
    public Counts counts() {
        moderator();
        return new Counts(store.countOpen(CaseKind.URGENT), store.countOpen(CaseKind.REPORTED),
                store.countOpen(CaseKind.HELD), store.countOpen(CaseKind.PENDING));
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseLine> recent(CaseKind kind, int limit) {
        moderator();
        return store.open(kind, Math.clamp(limit, 1, 200), true).stream().map(this::line).toList();
    }

    /** The open cases of a kind, oldest first (the queue's order of work). MODERATE only. */
    @Transactional(readOnly = true)
    public List<CaseLine> oldest(CaseKind kind, int limit) {
        moderator();
        return store.open(kind, Math.clamp(limit, 1, 200), false).stream().map(this::line).toList();
    }

    CaseLine line(CaseStore.CaseRow c) {
        var item = content(c.subject()).flatMap(cc -> cc.find(c.subject().id()));
        return new CaseLine(c.id(), c.subject(), c.kind(), c.risk(), c.openedAt(), c.authorId(),
                item.map(ModeratedContent.Item::authorName).orElse(""), item.map(ModeratedContent.Item::place).orElse(""),
                item.map(i -> excerpt(i.body())).orElse(""), item.map(ModeratedContent.Item::link).orElse(""), c.reports());
    }

    static String excerpt(String body) {
        String plain = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return plain.length() <= 140 ? plain : plain.substring(0, 139) + "…";
    }

    public Optional<ModeratedContent> content(Subject subject) {
        return contents.orderedStream().filter(c -> c.kind().equals(subject.kind())).findFirst();
    }

    VillageUser moderator() {
        VillageUser me = currentUser.get().orElseThrow(() -> new AccessDeniedException("Sign in to moderate"));
        if (!me.can(Capability.MODERATE)) {
            throw new AccessDeniedException("Only moderators see the moderation queue");
        }
        return me;
    }

    public static String target(Subject subject) {
        return subject.kind() + ":" + subject.id();
    }
}
