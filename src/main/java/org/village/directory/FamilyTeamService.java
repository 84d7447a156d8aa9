package org.village.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.village.directory.internal.TeamStore;
import org.village.security.CurrentUser;
import org.village.families.FamilyService;
import org.village.families.FamilyService.ChildSummary;
import org.village.families.FamilyService.FamilySummary;
import org.village.shared.AuditLog;
import org.village.shared.Capability;
import org.village.shared.InputProblem;

/**
 * My child's team and the "tell it once" profile. Every method checks, here and not only in the view, that
 * the signed-in person may see the family ({@link FamilyAccess}, which audits refusals): a parent only their
 * own family, a worker the families assigned to them, an admin every family.
 */
@Service
@Transactional
public class FamilyTeamService {

    private final TeamStore store;
    private final FamilyService families;
    private final FamilyAccess access;
    private final DirectoryService directory;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    FamilyTeamService(TeamStore store, FamilyService families, FamilyAccess access, DirectoryService directory,
                      CurrentUser currentUser, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.families = families;
        this.access = access;
        this.directory = directory;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** The family with its children; refused (and audited) for anyone who may not see it. */
    @Transactional(readOnly = true)
    public FamilySummary family(long familyId) {
        access.check(familyId);
        return families.family(familyId);
    }

    @Transactional(readOnly = true)
    public List<TeamMember> team(long familyId, long childId) {
        child(familyId, childId);
        return store.members(childId);
    }

    @Transactional(readOnly = true)
    public List<TeamEvent> timeline(long familyId, long childId) {
        child(familyId, childId);
        return store.events(childId, 50);
    }

    @PreAuthorize(Capability.HAS_MANAGE_FAMILIES)
    public TeamMember add(long familyId, long childId, TeamInput input) {
        var child = child(familyId, childId);
        var in = check(input);
        var service = directory.byId(in.serviceId())
                .orElseThrow(() -> InputProblem.keyed("service", "directory.problem.chooseService"));
        if (service.withdrawn()) {
            throw InputProblem.keyed("service", "directory.problem.serviceWithdrawn", service.name());
        }
        long id;
        try {
            id = store.insert(familyId, childId, in, clock.instant());
        } catch (DuplicateKeyException e) {
            throw InputProblem.keyed("service", "directory.problem.alreadyOnTeam", service.name(), child.name());
        }
        var said = new java.util.ArrayList<TimelineText.Part>();
        said.add(TimelineText.part("joined", service.name(), TimelineText.status(in.status())));
        if (in.workerFirstName() != null) {
            said.add(TimelineText.part("worker", in.workerFirstName() + (in.workerRole() == null ? "" : ", " + in.workerRole())));
        }
        if (in.lead()) {
            said.add(TimelineText.part("lead"));
        }
        store.event(familyId, childId, id, clock.instant(), TimelineText.of(said.toArray(TimelineText.Part[]::new)));
        audit.record(currentUser.actor(), "team.added", "family:" + familyId, "child:" + childId + " service:" + service.id());
        return store.member(id).orElseThrow();
    }

    @PreAuthorize(Capability.HAS_MANAGE_FAMILIES)
    public TeamMember update(long familyId, long memberId, long version, TeamInput input) {
        var before = store.member(memberId).filter(m -> m.familyId() == familyId)
                .orElseThrow(() -> InputProblem.keyed(null, "directory.problem.notOnFamilyTeam"));
        child(familyId, before.childId());
        var in = check(new TeamInput(before.serviceId(), input.workerFirstName(), input.workerRole(), input.lead(),
                input.status(), input.statusSince(), input.forFamily(), input.howToContact(), input.nextContact()));
        if (!store.update(memberId, before.childId(), version, in, clock.instant())) {
            throw InputProblem.keyed(null, "directory.problem.teamChangedMeanwhile");
        }
        for (var change : changes(before, in)) {
            store.event(familyId, before.childId(), memberId, clock.instant(), TimelineText.of(change));
        }
        audit.record(currentUser.actor(), "team.updated", "family:" + familyId, "member:" + memberId);
        return store.member(memberId).orElseThrow();
    }

    /**
     * Takes an entry added by mistake off a child's team (not "ended": it was never right). The entry is kept
     * for the record but shown to nobody; the lines it put on the timeline are hidden and replaced by one plain
     * line, so the family is never left reading that a service joined when it did not. Workers may do this
     * only for their own families; a try on another family's entry is refused and audited.
     */
    @PreAuthorize(Capability.HAS_MANAGE_FAMILIES)
    public void remove(long familyId, long memberId) {
        access.check(familyId);
        var owner = store.familyOf(memberId);
        if (owner.isPresent() && owner.get() != familyId) {
            throw access.refuse(familyId, "access.denied", "member:" + memberId, "Not an entry of this family");
        }
        var member = store.member(memberId)
                .orElseThrow(() -> InputProblem.keyed(null, "directory.problem.noLongerOnTeam"));
        var child = child(familyId, member.childId());
        if (!store.remove(memberId, currentUser.actor().label(), clock.instant())) {
            throw InputProblem.keyed(null, "directory.problem.noLongerOnTeam");
        }
        store.event(familyId, member.childId(), memberId, clock.instant(),
                TimelineText.of(TimelineText.part("mistake", member.serviceName(), child.name())));
        // the timeline line stays here: the family must read it as soon as the entry is gone
        events.publishEvent(new TeamEntryRemoved(familyId, member.childId(), memberId, member.serviceId(),
                currentUser.actor()));
    }

    /** What changed, in words a parent reads on the timeline. */
    private static List<TimelineText.Part> changes(TeamMember before, TeamInput after) {
        var list = new java.util.ArrayList<TimelineText.Part>();
        String name = before.serviceName();
        if (before.status() != after.status()) {
            list.add(TimelineText.part("status", name, TimelineText.status(after.status()),
                    TimelineText.status(before.status())));
        }
        if (!Objects.equals(before.workerFirstName(), after.workerFirstName()) && after.workerFirstName() != null) {
            list.add(TimelineText.part("newWorker", name, after.workerFirstName()
                    + (after.workerRole() == null ? "" : ", " + after.workerRole())));
        }
        if (!before.lead() && after.lead()) {
            list.add(TimelineText.part("nowLead", name));
        }
        if (!Objects.equals(before.nextContact(), after.nextContact()) && after.nextContact() != null) {
            list.add(TimelineText.part("next", name, after.nextContact()));
        }
        return list;
    }

    // ---- tell it once ----

    /**
     * The family profile. Who can read it, and nobody else: the family's own parent accounts, and each family
     * support worker looking after the family whom the parent has chosen. Admins never read profiles (they run
     * accounts, not families); services on the team do not sign in to Village. Every read by a worker is
     * recorded for the parent ("who has seen this"); every refusal is audited.
     */
    public java.util.Optional<FamilyProfile> profile(long familyId) {
        access.check(familyId);
        var me = currentUser.require();
        if (me.isParentOf(familyId)) {
            return store.profile(familyId);
        }
        if (!me.can(Capability.WORK_WITH_FAMILIES)) {
            throw access.refuse(familyId, "profile.refused", "admins do not read profiles",
                    "Admins do not read family profiles");
        }
        if (!store.isReader(familyId, me.id())) {
            throw access.refuse(familyId, "profile.refused", "not shared with worker:" + me.id(),
                    "The family has not shared their profile with you");
        }
        var profile = store.profile(familyId);
        if (profile.isPresent()) {
            store.viewed(familyId, me.id(), me.displayName(), clock.instant());
            audit.record(me.actor(), "profile.viewed", "family:" + familyId, null);
        }
        return profile;
    }

    /**
     * Whether the signed-in person may read the profile now (for views deciding what to offer; the read itself
     * checks again): always for the family, for a worker only when the parent chose them, never for an admin.
     */
    @Transactional(readOnly = true)
    public boolean profileShared(long familyId) {
        access.check(familyId);
        var me = currentUser.require();
        return me.isParentOf(familyId) || (me.can(Capability.WORK_WITH_FAMILIES) && store.isReader(familyId, me.id()));
    }

    /** One person who could read the profile if the parent chooses: a family support worker of this family. */
    public record Reader(long workerId, String name, boolean chosen) {
    }

    /** The parent's choices: every family support worker looking after the family, and whether they may read it. */
    @Transactional(readOnly = true)
    public List<Reader> readers(long familyId) {
        requireParentOf(familyId);
        var chosen = store.readers(familyId);
        return families.workersOf(familyId).stream()
                .map(w -> new Reader(w.id(), w.displayName(), chosen.contains(w.id()))).toList();
    }

    /** The parent lets one of their family support workers read the profile, or stops them. */
    public void shareWith(long familyId, long workerId, boolean shared) {
        requireParentOf(familyId);
        if (shared && families.workersOf(familyId).stream().noneMatch(w -> w.id() == workerId)) {
            throw InputProblem.keyed(null, "directory.problem.noSuchWorker");
        }
        boolean changed = shared ? store.addReader(familyId, workerId, clock.instant()) : store.removeReader(familyId, workerId);
        if (changed) {
            audit.record(currentUser.actor(), shared ? "profile.shared" : "profile.unshared", "family:" + familyId,
                    "worker:" + workerId);
        }
    }

    public FamilyProfile saveProfile(long familyId, FamilyProfile input) {
        requireParentOf(familyId);
        var p = new FamilyProfile(familyId, text("whatHelps", input.whatHelps(), 2000),
                text("whatToAvoid", input.whatToAvoid(), 2000), text("history", input.history(), 4000),
                text("languages", input.languages(), 200), text("bestTimes", input.bestTimes(), 200), clock.instant());
        if ((p.whatHelps() + p.whatToAvoid() + p.history() + p.languages() + p.bestTimes()).isBlank()) {
            throw InputProblem.keyed("whatHelps", "directory.problem.profileEmpty");
        }
        store.saveProfile(p);
        audit.record(currentUser.actor(), "profile.saved", "family:" + familyId, null);
        return p;
    }

    /**
     * The old per-service tick, kept for the team records. It lets nobody read the profile: services do not sign
     * in to Village (see {@link #shareWith} for who can read it).
     */
    public void share(long familyId, long memberId, boolean shared) {
        requireParentOf(familyId);
        var member = store.member(memberId).filter(m -> m.familyId() == familyId)
                .orElseThrow(() -> InputProblem.keyed(null, "directory.problem.notOnYourTeam"));
        boolean changed = shared ? store.share(familyId, memberId, clock.instant()) : store.unshare(familyId, memberId);
        if (changed) {
            audit.record(currentUser.actor(), shared ? "profile.shared" : "profile.unshared", "family:" + familyId,
                    "service:" + member.serviceId());
        }
    }

    /** Every service on the family's team (all children), with whether the profile is shared with it. */
    @Transactional(readOnly = true)
    public List<TeamMember> shareChoices(long familyId) {
        access.check(familyId);
        return store.familyMembers(familyId);
    }

    /** Who outside the family has read the profile, newest first. */
    @Transactional(readOnly = true)
    public List<ProfileView> profileViews(long familyId) {
        access.check(familyId);
        return store.views(familyId, 100);
    }

    private void requireParentOf(long familyId) {
        access.check(familyId);
        if (!currentUser.require().isParentOf(familyId)) {
            throw access.refuse(familyId, "access.denied", "profile is the parent's to change",
                    "Only the family changes its profile");
        }
    }

    private ChildSummary child(long familyId, long childId) {
        access.check(familyId);
        return families.family(familyId).children().stream().filter(c -> c.id() == childId).findFirst()
                .orElseThrow(() -> access.refuse(familyId, "access.denied", "child:" + childId,
                        "Not a child of this family"));
    }

    private TeamInput check(TeamInput in) {
        if (in.status() == null) {
            throw InputProblem.keyed("status", "directory.problem.status");
        }
        LocalDate since = in.statusSince() == null ? LocalDate.now(clock.withZone(org.village.shared.Times.ZONE)) : in.statusSince();
        String forFamily = in.forFamily() == null ? "" : in.forFamily().strip();
        if (forFamily.length() < 5 || forFamily.length() > 1000) {
            throw InputProblem.keyed("forFamily", "directory.problem.forFamily");
        }
        String first = trim(in.workerFirstName(), 40, "workerFirstName", "directory.problem.tooLong.firstName");
        if (first != null && first.contains(" ")) {
            throw InputProblem.keyed("workerFirstName", "directory.problem.firstNameOnly");
        }
        return new TeamInput(in.serviceId(), first, trim(in.workerRole(), 80, "workerRole", "directory.problem.tooLong.role"), in.lead(),
                in.status(), since, forFamily, trim(in.howToContact(), 500, "howToContact", "directory.problem.tooLong.howToContact"),
                trim(in.nextContact(), 200, "nextContact", "directory.problem.tooLong.nextContact"));
    }

    /** {@code key}'s words name what is too long; {0} is the most it may be. */
    private static String trim(String s, int max, String field, String key) {
        if (s == null || s.isBlank()) {
            return null;
        }
        if (s.strip().length() > max) {
            throw InputProblem.keyed(field, key, String.valueOf(max));
        }
        return s.strip();
    }

    private static String text(String field, String s, int max) {
        String v = s == null ? "" : s.strip();
        if (v.length() > max) {
            throw InputProblem.keyed(field, "directory.problem.tooLong", String.valueOf(max), String.valueOf(v.length()));
        }
        return v;
    }
}
