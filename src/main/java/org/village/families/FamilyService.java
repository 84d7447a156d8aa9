package org.village.families;

import java.time.Clock;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import java.util.Optional;
import org.village.families.internal.Family;
import org.village.families.internal.FamilyRepository;
import org.village.security.CurrentUser;
import org.village.security.FamilyGate;
import org.village.security.People;
import org.village.shared.AuditLog;
import org.village.shared.Capability;
import org.village.shared.InputProblem;
import org.village.shared.Roles;

/**
 * Families and who may see them: a parent only their own family, a worker the families assigned to them,
 * an admin every family, a peer supporter none. It decides by capabilities, not role names (decision 064).
 * Other features call {@link #checkAccess(long)} before showing family data; accounts ask through
 * {@link FamilyGate}, which this implements (decision 063).
 */
@Service
@Transactional
public class FamilyService implements FamilyGate {

    public static final List<String> AGE_BANDS = List.of("under 8", "8 to 10", "11 to 13", "14 to 15", "16 to 17",
            "18 and over");

    private final FamilyRepository families;
    private final JdbcClient jdbc;
    private final People people;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    FamilyService(FamilyRepository families, JdbcClient jdbc, People people, CurrentUser currentUser, AuditLog audit,
                  Clock clock) {
        this.families = families;
        this.jdbc = jdbc;
        this.people = people;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * True when the signed-in person may see this family's private pages: any of their roles may give it
     * (their own family as a parent, an assigned family as a worker, every family as an admin).
     */
    @Override
    // no transaction of its own (decision 099): a parent's answer needs no database, and a worker's is one query;
    // every chat message asks it (the filters hold back the writer's family's names)
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public boolean canSee(long familyId) {
        return currentUser.get().map(u -> (u.can(Capability.SEE_OWN_FAMILY) && u.isParentOf(familyId))
                || (u.can(Capability.SEE_FAMILY_RECORDS) && u.can(Capability.SEE_EVERY_FAMILY))
                || (u.can(Capability.SEE_FAMILY_RECORDS) && u.can(Capability.WORK_WITH_FAMILIES)
                        && families.countAssignment(familyId, u.id()) > 0)).orElse(false);
    }

    /** Throws (and audits) when the signed-in person may not see this family. */
    @Override
    @Transactional(readOnly = true)
    public void checkAccess(long familyId) {
        if (!canSee(familyId)) {
            audit.recordAlways(currentUser.actor(), "access.denied", "family:" + familyId, null);
            throw new AccessDeniedException("Not your family");
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> familyLabelled(String label) {
        return families.findByLabel(label).map(Family::getId);
    }

    @PreAuthorize(Capability.HAS_SEE_FAMILY_RECORDS)
    @Transactional(readOnly = true)
    public List<FamilySummary> visibleFamilies() {
        var me = currentUser.require();
        var list = me.can(Capability.SEE_EVERY_FAMILY) ? families.findAllOrdered(PageRequest.of(0, 500))
                : families.findAssignedTo(me.id());
        return list.stream().map(this::summary).toList();
    }

    @Transactional(readOnly = true)
    public FamilySummary family(long familyId) {
        checkAccess(familyId);
        return families.findById(familyId).map(this::summary)
                .orElseThrow(() -> InputProblem.keyed(null, "families.problem.noFamily"));
    }

    /**
     * Who is in a family, ids and names only: the parent accounts (by name) and the children (in the order they were
     * added), as {@link #family} gives them. Two plain reads, no entity loading and no transaction of its own (it joins
     * the caller's when there is one), for busy paths such as booking (decision 097). Refused (and audited) for anyone
     * who may not see the family.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Members members(long familyId) {
        checkAccess(familyId);
        var children = jdbc.sql("SELECT id, name FROM child WHERE family_id = ? ORDER BY id").param(familyId)
                .query((rs, n) -> new Person(rs.getLong(1), rs.getString(2))).list();
        var parents = people.parentNames(familyId).stream().map(p -> new Person(p.id(), p.displayName())).toList();
        return new Members(parents, children);
    }

    /** The family support workers looking after this family; refused (and audited) for anyone who may not see it. */
    @Transactional(readOnly = true)
    public List<Person> workersOf(long familyId) {
        checkAccess(familyId);
        return people.withRole(families.workerIds(familyId), Roles.WORKER).stream()
                .map(p -> new Person(p.id(), p.displayName())).toList();
    }

    @PreAuthorize(Capability.HAS_MANAGE_FAMILIES)
    public FamilySummary create(String label, List<NewChild> children) {
        var me = currentUser.require();
        String l = label == null ? "" : label.strip();
        if (l.length() < 2 || l.length() > 80) {
            throw InputProblem.keyed("label", "families.problem.label");
        }
        if (children == null || children.isEmpty()) {
            throw InputProblem.keyed("children", "families.problem.noChild");
        }
        // each problem names the child's row ("child.0.name", "child.0.age") so the form marks that field
        for (int i = 0; i < children.size(); i++) {
            var child = children.get(i);
            String name = child == null || child.name() == null ? "" : child.name().strip();
            if (name.isEmpty()) {
                throw InputProblem.keyed("child." + i + ".name", "families.problem.childName");
            }
            if (name.length() > 40) {
                throw InputProblem.keyed("child." + i + ".name", "families.problem.childNameLong");
            }
            if (child.ageBand() == null || !AGE_BANDS.contains(child.ageBand())) {
                throw InputProblem.keyed("child." + i + ".age", "families.problem.childAge", name);
            }
        }
        if (families.existsByLabel(l)) {
            throw InputProblem.keyed("label", "families.problem.labelTaken");
        }
        var family = new Family(l, clock.instant());
        for (var child : children) {
            family.addChild(child.name().strip(), child.ageBand());
        }
        try {
            families.saveAndFlush(family);
        } catch (DataIntegrityViolationException e) {
            throw InputProblem.keyed("label", "families.problem.labelTaken");
        }
        if (me.can(Capability.WORK_WITH_FAMILIES)) {
            families.assign(family.getId(), me.id());
        }
        audit.record(me.actor(), "family.created", "family:" + family.getId(), null);
        return summary(family);
    }

    @PreAuthorize(Capability.HAS_ASSIGN_WORKERS)
    public void assign(long familyId, long workerId) {
        if (!people.hasRole(workerId, Roles.WORKER)) {
            throw InputProblem.keyed(null, "families.problem.chooseWorker");
        }
        if (families.assign(familyId, workerId) > 0) {
            audit.record(currentUser.actor(), "family.assigned", "family:" + familyId, "worker:" + workerId);
        }
    }

    private FamilySummary summary(Family f) {
        var parents = people.parentsOf(f.getId()).stream().map(p -> new Person(p.id(), p.displayName())).toList();
        var children = f.getChildren().stream().map(c -> new ChildSummary(c.getId(), c.getName(), c.getAgeBand())).toList();
        return new FamilySummary(f.getId(), f.getLabel(), children, parents);
    }

    public record NewChild(String name, String ageBand) {
    }

    public record ChildSummary(long id, String name, String ageBand) {
    }

    public record Person(long id, String displayName) {
    }

    /** A family's parents and children: ids and the names shown. */
    public record Members(List<Person> parents, List<Person> children) {
    }

    public record FamilySummary(long id, String label, List<ChildSummary> children, List<Person> parents) {
    }
}
