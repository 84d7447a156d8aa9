package org.village.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.families.FamilyService;
import org.village.moderation.ModeratedContent.Action;
import org.village.moderation.ModeratedContent.Decision;
import org.village.moderation.ModeratedContent.Item;
import org.village.moderation.ModeratedContent.Outcome;
import org.village.moderation.internal.CaseStore;
import org.village.moderation.internal.Queue;
import org.village.notification.Notifications;
import org.village.security.AccountService;
import org.village.security.CurrentUser;
import org.village.security.People;
import org.village.security.VillageUser;
import org.village.shared.AuditLog;
import org.village.shared.Capability;
import org.village.shared.InputProblem;
import org.village.shared.Times;

/**
 * Members' reports and the moderators' desk (issue 10, decisions 039 and 046). Members report what they can read,
 * once each; enough reports from different members hide the item until a moderator decides. Moderators (MODERATE,
 * checked here for every call) work through the queue: approve, edit with a note, hide with a reason the author is
 * told, delete (soft), warn, silence for a time, suspend on a ladder. Every decision is a conditional change, so when
 * two moderators act on one item one wins and the other is told; every one is in the audit log.
 */
@Service
public class ModerationDesk {

    public static final int REPORT_TEXT_MAX = 500;
    public static final int REASON_MAX = 300;
    public static final int NOTE_MAX = 2000;
    /** The suspension ladder: the first suspension, the second; the third switches the account off. */
    public static final List<Duration> LADDER = List.of(Duration.ofDays(1), Duration.ofDays(7));

    private final Queue queue;
    private final CaseStore store;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Notifications notifications;
    private final People people;
    private final FamilyService families;
    private final AccountService accounts;
    private final int autoHideReports;

    ModerationDesk(Queue queue, CaseStore store, CurrentUser currentUser, Clock clock, TransactionTemplate tx,
                   AuditLog audit, Notifications notifications, People people, FamilyService families,
                   AccountService accounts, @Value("${village.moderation.auto-hide-reports:3}") int autoHideReports) {
        this.queue = queue;
        this.store = store;
        this.currentUser = currentUser;
        this.clock = clock;
        this.tx = tx;
        this.audit = audit;
        this.notifications = notifications;
        this.people = people;
        this.families = families;
        this.accounts = accounts;
        this.autoHideReports = Math.max(1, autoHideReports);
    }

    // ---- who is asking ----

    private VillageUser member() {
        VillageUser me = currentUser.get().orElseThrow(() -> new AccessDeniedException("Sign in to report"));
        if (!me.isParent() && !me.isPeerSupporter() && !me.isStaff()) {
            throw new AccessDeniedException("Reports are for members and staff");
        }
        return me;
    }

    private VillageUser moderator() {
        VillageUser me = currentUser.get().orElseThrow(() -> new AccessDeniedException("Sign in to moderate"));
        if (!me.can(Capability.MODERATE)) {
            audit.recordAlways(me.actor(), "access.denied", "moderation:queue", null);
            throw new AccessDeniedException("Only moderators use the moderation queue");
        }
        return me;
    }

    /** True when the signed-in person may use the queue. */
    public boolean canModerate() {
        return currentUser.get().map(u -> u.can(Capability.MODERATE)).orElse(false);
    }

    // ---- reports ----

    public enum Reported {
        /** Thank you: moderators will look. */
        THANKS,
        /** Thank you, and it is hidden now until a moderator looks (enough members reported it). */
        HIDDEN_NOW
    }

    /** True when the signed-in member already reported this item. */
    public boolean hasReported(Subject subject) {
        return store.hasReported(subject, member().id());
    }

    /**
     * Reports an item the member can read. Once per member per item (the database's unique key: a second one is told
     * kindly). The reporter is never shown to the author. When {@code village.moderation.auto-hide-reports}
     * different members reported it since moderators last decided, it is hidden until a moderator decides.
     */
    public Reported report(Subject subject, ReportReason reason, String text) {
        VillageUser me = member();
        if (reason == null) {
            throw InputProblem.keyed("reason", "moderation.problem.noReason");
        }
        String words = clean(text).strip();
        if (words.length() > REPORT_TEXT_MAX) {
            throw InputProblem.keyed("text", "moderation.problem.reportTooLong", words.length(), REPORT_TEXT_MAX);
        }
        var content = queue.content(subject).orElseThrow(() -> InputProblem.keyed("reason", "moderation.problem.gone"));
        Item item = content.find(subject.id()).filter(i -> "PUBLISHED".equals(i.state()) || "HIDDEN".equals(i.state()))
                .orElseThrow(() -> InputProblem.keyed("reason", "moderation.problem.gone"));
        if (item.authorId() == me.id()) {
            throw InputProblem.keyed("reason", "moderation.problem.ownPost");
        }
        if (store.hasReported(subject, me.id())) {
            throw InputProblem.keyed("reason", "moderation.problem.alreadyReported");
        }
        try {
            return tx.execute(s -> {
                long caseId = queue.raise(subject, item.authorId(), CaseKind.REPORTED, "reported by members", null);
                // reports to one case wait for each other here, so the count below sees every earlier one
                store.lockCase(caseId);
                if (!store.addReport(caseId, subject, me.id(), reason.name(), words.isEmpty() ? null : words, clock.instant())) {
                    throw InputProblem.keyed("reason", "moderation.problem.alreadyReported");
                }
                audit.record(me.actor(), "moderation.reported", Queue.target(subject), "case " + caseId + ", " + reason.name());
                if (store.reportsOnCase(caseId) >= autoHideReports && "PUBLISHED".equals(item.state())
                        && content.apply(subject.id(), "PUBLISHED", new Decision(Action.AUTO_HIDE, null, null, 0)) == Outcome.DONE) {
                    audit.record(AuditLog.Actor.SYSTEM, "moderation.auto-hidden", Queue.target(subject),
                            "PUBLISHED to HIDDEN after " + autoHideReports + " reports, case " + caseId);
                    return Reported.HIDDEN_NOW;
                }
                return Reported.THANKS;
            });
        } catch (DuplicateKeyException twice) {
            throw InputProblem.keyed("reason", "moderation.problem.alreadyReported");
        }
    }

    // ---- the queue ----

    public Counts counts() {
        return queue.counts();
    }

    /** Open cases of a kind, oldest first. */
    public List<CaseLine> queue(CaseKind kind, int limit) {
        return queue.oldest(kind, limit);
    }

    public record Report(ReportReason reason, String text, Instant at) {
    }

    public record Note(String body, String by, Instant at) {
    }

    public record Sanction(String kind, Instant until, String reason, Instant at, int step) {
    }

    /**
     * Everything a moderator needs to decide one case: the item in context, the reports, the author's history, notes
     * and sanctions, and the author's family for staff who may see family records (never for anyone else).
     */
    public record CaseDetail(long caseId, CaseKind kind, boolean open, String outcome, String reason, RiskKind risk,
                             Instant openedAt, int version, Item item, List<Report> reports, List<Item> history,
                             List<Note> notes, List<Sanction> sanctions, Optional<Instant> silencedUntil,
                             Optional<String> family, int nextStep) {
    }

    public Optional<CaseDetail> detail(long caseId) {
        VillageUser me = moderator();
        return store.find(caseId).flatMap(c -> queue.content(c.subject()).flatMap(content -> content.find(c.subject().id())
                .map(item -> new CaseDetail(c.id(), c.kind(), c.open(), c.outcome(), c.reason(), c.risk(), c.openedAt(),
                        c.version(), item,
                        store.reports(c.subject()).stream().map(r -> new Report(ReportReason.valueOf(r.reason()), r.text(),
                                r.createdAt())).toList(),
                        content.byAuthor(item.authorId(), 10).stream().filter(h -> !h.subject().equals(item.subject())).toList(),
                        store.notes(item.authorId(), 20).stream().map(n -> new Note(n.body(), n.writtenByName(), n.writtenAt())).toList(),
                        store.sanctions(item.authorId()).stream().map(s -> new Sanction(s.kind(), s.until(), s.reason(),
                                s.givenAt(), s.step())).toList(),
                        store.silencedUntil(item.authorId(), clock.instant()),
                        familyOf(me, item.authorId()),
                        store.suspensionStep(item.authorId()) + 1))));
    }

    /** The author's family label, for staff who may see family records and this family; empty for everyone else. */
    private Optional<String> familyOf(VillageUser me, long authorId) {
        if (!me.can(Capability.SEE_FAMILY_RECORDS)) {
            return Optional.empty();
        }
        return people.familyOf(authorId).filter(families::canSee).map(id -> families.family(id).label());
    }

    // ---- decisions ----

    public enum Result {
        DONE,
        /** Another moderator (or the author) changed it first: nothing was changed; show the item again. */
        ALREADY_CHANGED,
        GONE
    }

    /**
     * Carries out a decision on the case's item from the state the moderator saw. APPROVE of an item that is
     * already published keeps it and closes the case ("it can stay"). The reason is required to hide or delete and
     * is told to the author; the note is required to edit.
     */
    public Result decide(long caseId, String stateSeen, Action action, String reason, String newBody) {
        VillageUser me = moderator();
        if (action == null || action == Action.AUTO_HIDE) {
            throw new IllegalArgumentException("not a moderator's decision");
        }
        String why = clean(reason).strip();
        if ((action == Action.HIDE || action == Action.DELETE || action == Action.EDIT) && why.isEmpty()) {
            throw InputProblem.keyed("reason", "moderation.problem.noReasonText");
        }
        if (why.length() > REASON_MAX) {
            throw InputProblem.keyed("reason", "moderation.problem.reasonTooLong", why.length(), REASON_MAX);
        }
        var c = store.find(caseId).orElse(null);
        if (c == null) {
            return Result.GONE;
        }
        var content = queue.content(c.subject()).orElse(null);
        if (content == null) {
            return Result.GONE;
        }
        return tx.execute(s -> {
            Item item = content.find(c.subject().id()).orElse(null);
            if (item == null) {
                return Result.GONE;
            }
            if (action == Action.APPROVE && "PUBLISHED".equals(stateSeen)) {
                // a reported item that can stay: the case closes, the item is untouched
                if (!item.state().equals(stateSeen) || !store.close(c.id(), c.version(), "DISMISS", me.id(), clock.instant())) {
                    return Result.ALREADY_CHANGED;
                }
                audit.record(me.actor(), "moderation.kept", Queue.target(c.subject()),
                        "case " + c.id() + " OPEN to CLOSED, PUBLISHED kept" + (why.isEmpty() ? "" : ", reason: " + why));
                queue.tellReporters(c.id(), "DISMISS", clock.instant());
                queue.closeAll(c.subject(), "DISMISS", me.id(), me.actor(), why);
                return Result.DONE;
            }
            Outcome outcome = content.apply(c.subject().id(), stateSeen, new Decision(action, why.isEmpty() ? null : why,
                    newBody, me.id()));
            if (outcome == Outcome.GONE) {
                return Result.GONE;
            }
            if (outcome == Outcome.ALREADY_CHANGED) {
                return Result.ALREADY_CHANGED;
            }
            String after = switch (action) {
                case APPROVE -> "PUBLISHED";
                case HIDE -> "HIDDEN";
                case DELETE -> "DELETED";
                default -> stateSeen;
            };
            audit.record(me.actor(), "moderation." + action.name().toLowerCase(java.util.Locale.ROOT),
                    Queue.target(c.subject()), "case " + c.id() + ", " + stateSeen + " to " + after
                            + (why.isEmpty() ? "" : ", reason: " + why));
            queue.closeAll(c.subject(), action.name(), me.id(), me.actor(), why);
            if (action == Action.HIDE || action == Action.DELETE) {
                notifications.tell(item.authorId(), "moderation", action == Action.HIDE
                        ? "notification.moderation.hidden" : "notification.moderation.deleted", "/forum", why);
            }
            return Result.DONE;
        });
    }

    /** A case in the bulk approval: the case and the item's state the moderator saw. */
    public record Pick(long caseId, String stateSeen) {
    }

    /** Approves each picked item on its own (each conditional); returns how many this call approved. */
    public int approveAll(List<Pick> picks) {
        moderator();
        int done = 0;
        for (Pick p : picks.stream().limit(200).toList()) {
            if (decide(p.caseId(), p.stateSeen(), Action.APPROVE, null, null) == Result.DONE) {
                done++;
            }
        }
        return done;
    }

    // ---- the item's place: lock, pin or move its topic from the queue ----

    /** The case's item's place (its forum topic) with what may be done to it; empty when it has none or is gone. */
    public Optional<ModeratedContent.Place> placeOf(long caseId) {
        moderator();
        return store.find(caseId).flatMap(c -> queue.content(c.subject()).flatMap(content -> content.place(c.subject().id())));
    }

    /**
     * Locks, unlocks, pins, unpins or moves the case's item's place, as the topic page's tools do: the owner's service
     * checks the moderator again and writes the audit line. {@code target} is the group to move to (MOVE only).
     */
    public void actOnPlace(long caseId, ModeratedContent.PlaceAction action, long target) {
        moderator();
        if (action == null) {
            throw new IllegalArgumentException("no action");
        }
        var c = store.find(caseId).orElseThrow(() -> InputProblem.keyed("place", "moderation.problem.gone"));
        var content = queue.content(c.subject()).orElseThrow(() -> InputProblem.keyed("place", "moderation.problem.gone"));
        if (content.place(c.subject().id()).isEmpty()) {
            throw InputProblem.keyed("place", "moderation.problem.gone");
        }
        content.actOnPlace(c.subject().id(), action, target);
    }

    // ---- notes and sanctions about the author ----

    public void addNote(long caseId, String text) {
        VillageUser me = moderator();
        String body = clean(text).strip();
        if (body.isEmpty()) {
            throw InputProblem.keyed("note", "moderation.problem.noNote");
        }
        if (body.length() > NOTE_MAX) {
            throw InputProblem.keyed("note", "moderation.problem.noteTooLong", body.length(), NOTE_MAX);
        }
        var c = store.find(caseId).orElseThrow(() -> InputProblem.keyed("note", "moderation.problem.gone"));
        tx.executeWithoutResult(s -> {
            store.addNote(c.authorId(), c.subject(), body, me.id(), me.displayName(), clock.instant());
            audit.record(me.actor(), "moderation.note", "account:" + c.authorId(), "case " + c.id());
        });
    }

    /** Warns the case's author: they are told, with the reason. */
    public void warn(long caseId, String reason) {
        VillageUser me = moderator();
        String why = requiredReason(reason);
        var c = store.find(caseId).orElseThrow(() -> InputProblem.keyed("reason", "moderation.problem.gone"));
        tx.executeWithoutResult(s -> {
            store.addSanction(c.authorId(), "WARN", null, why, me.id(), clock.instant(), 0, c.id());
            audit.record(me.actor(), "moderation.warn", "account:" + c.authorId(), "case " + c.id() + ", reason: " + why);
            notifications.tell(c.authorId(), "moderation", "notification.moderation.warned", "/forum", why);
        });
    }

    /** Silences the case's author for a time (1 hour to 90 days): they read but do not write until then. */
    public Instant silence(long caseId, Duration length, String reason) {
        VillageUser me = moderator();
        String why = requiredReason(reason);
        if (length == null || length.compareTo(Duration.ofHours(1)) < 0 || length.compareTo(Duration.ofDays(90)) > 0) {
            throw InputProblem.keyed("length", "moderation.problem.silenceLength");
        }
        var c = store.find(caseId).orElseThrow(() -> InputProblem.keyed("reason", "moderation.problem.gone"));
        Instant until = clock.instant().plus(length).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        tx.executeWithoutResult(s -> {
            store.addSanction(c.authorId(), "SILENCE", until, why, me.id(), clock.instant(), 0, c.id());
            audit.record(me.actor(), "moderation.silence", "account:" + c.authorId(),
                    "case " + c.id() + ", not silenced to silenced until " + until + ", reason: " + why);
            notifications.tell(c.authorId(), "moderation", "notification.moderation.silenced", "/forum", Times.dateTime(until), why);
        });
        return until;
    }

    public record Suspended(int step, Instant until, boolean switchedOff) {
    }

    /**
     * Takes the author's next step on the suspension ladder ({@link #LADDER}, then switching the account off).
     * {@code stepSeen} is the step the moderator was shown: if another moderator took it first, nothing happens and
     * they are told (the database allows each step once per account).
     */
    public Suspended suspend(long caseId, int stepSeen, String reason) {
        VillageUser me = moderator();
        String why = requiredReason(reason);
        var c = store.find(caseId).orElseThrow(() -> InputProblem.keyed("reason", "moderation.problem.gone"));
        if (c.authorId() == me.id()) {
            throw InputProblem.keyed("reason", "moderation.problem.self");
        }
        try {
            return tx.execute(s -> {
                int step = store.suspensionStep(c.authorId()) + 1;
                if (step != stepSeen) {
                    throw InputProblem.keyed("reason", "moderation.problem.stepTaken");
                }
                Instant now = clock.instant();
                if (step <= LADDER.size()) {
                    Instant until = now.plus(LADDER.get(step - 1)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                    store.addSanction(c.authorId(), "SUSPEND", until, why, me.id(), now, step, c.id());
                    audit.record(me.actor(), "moderation.suspend", "account:" + c.authorId(),
                            "case " + c.id() + ", step " + step + ", suspended until " + until + ", reason: " + why);
                    notifications.tell(c.authorId(), "moderation", "notification.moderation.suspended", "/forum",
                            Times.dateTime(until), why);
                    return new Suspended(step, until, false);
                }
                store.addSanction(c.authorId(), "SWITCH_OFF", null, why, me.id(), now, step, c.id());
                audit.record(me.actor(), "moderation.switch-off", "account:" + c.authorId(),
                        "case " + c.id() + ", step " + step + ", account on to off, reason: " + why);
                accounts.switchOffForModeration(c.authorId(), why);
                return new Suspended(step, null, true);
            });
        } catch (DuplicateKeyException taken) {
            throw InputProblem.keyed("reason", "moderation.problem.stepTaken");
        }
    }

    private static String requiredReason(String reason) {
        String why = clean(reason).strip();
        if (why.isEmpty()) {
            throw InputProblem.keyed("reason", "moderation.problem.noReasonText");
        }
        if (why.length() > REASON_MAX) {
            throw InputProblem.keyed("reason", "moderation.problem.reasonTooLong", why.length(), REASON_MAX);
        }
        return why;
    }

    static String clean(String text) {
        return text == null ? "" : org.village.shared.HiddenMarks.strip(text);
    }

    /** For tests and the demo: every case about a subject, newest last (moderators). */
    public List<Long> casesAbout(Subject subject) {
        moderator();
        var ids = new ArrayList<Long>();
        store.allFor(subject).forEach(c -> ids.add(c.id()));
        return ids;
    }

    /**
     * Demo data only (the forum's sample content on the run command): a member's report made without anyone signed
     * in, so the queue has a reported item to show. Never called from a page.
     */
    public void sampleReport(Subject subject, long authorId, long reporterId, ReportReason reason, String text) {
        long caseId = queue.raise(subject, authorId, CaseKind.REPORTED, "reported by members", null);
        store.addReport(caseId, subject, reporterId, reason.name(), text, clock.instant());
    }
}
