package org.village.directory.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.village.directory.FamilyProfile;
import org.village.directory.ProfileView;
import org.village.directory.TeamEvent;
import org.village.directory.TeamInput;
import org.village.directory.TeamMember;

/** Team, timeline and profile tables. Callers check access first; this class only reads and writes. */
@Repository
public class TeamStore {

    private static final String MEMBER = "SELECT m.*, s.slug, s.name AS service_name,"
            + " EXISTS (SELECT 1 FROM family_profile_share p WHERE p.team_member_id = m.id) AS shared"
            + " FROM team_member m JOIN dir_service s ON s.id = m.service_id";

    private final JdbcClient jdbc;

    TeamStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Lead professional first, then those working with the family now, ended ones last; removed ones never. */
    public List<TeamMember> members(long childId) {
        return jdbc.sql(MEMBER + " WHERE m.child_id = ? AND m.removed_at IS NULL ORDER BY m.lead_for_child IS NULL,"
                        + " FIELD(m.status, 'ACTIVE', 'WAITING', 'REFERRED', 'PAUSED', 'ENDED'), s.name")
                .param(childId).query((rs, n) -> member(rs)).list();
    }

    public List<TeamMember> familyMembers(long familyId) {
        return jdbc.sql(MEMBER + " WHERE m.family_id = ? AND m.removed_at IS NULL ORDER BY s.name").param(familyId)
                .query((rs, n) -> member(rs)).list();
    }

    /** An entry still on the team (a removed one is not found). */
    public Optional<TeamMember> member(long id) {
        return jdbc.sql(MEMBER + " WHERE m.id = ? AND m.removed_at IS NULL").param(id).query((rs, n) -> member(rs)).optional();
    }

    public long insert(long familyId, long childId, TeamInput in, Instant now) {
        if (in.lead()) {
            clearLead(childId);
        }
        jdbc.sql("INSERT INTO team_member (family_id, child_id, service_id, worker_first_name, worker_role, lead_for_child,"
                        + " status, status_since, for_family, how_to_contact, next_contact, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(familyId, childId, in.serviceId(), in.workerFirstName(), in.workerRole(),
                        in.lead() ? childId : null, in.status().name(), Date.valueOf(in.statusSince()), in.forFamily(),
                        in.howToContact(), in.nextContact(), Timestamp.from(now))
                .update();
        return jdbc.sql("SELECT id FROM team_member WHERE child_id = ? AND live_service_id = ?").params(childId, in.serviceId())
                .query(Long.class).single();
    }

    /** Optimistic: false when someone else saved it since {@code version}. */
    public boolean update(long id, long childId, long version, TeamInput in, Instant now) {
        if (in.lead()) {
            jdbc.sql("UPDATE team_member SET lead_for_child = NULL WHERE child_id = ? AND id <> ?").params(childId, id).update();
        }
        return jdbc.sql("UPDATE team_member SET worker_first_name = ?, worker_role = ?, lead_for_child = ?, status = ?,"
                        + " status_since = ?, for_family = ?, how_to_contact = ?, next_contact = ?, updated_at = ?,"
                        + " version = version + 1 WHERE id = ? AND version = ? AND removed_at IS NULL")
                .params(in.workerFirstName(), in.workerRole(), in.lead() ? childId : null, in.status().name(),
                        Date.valueOf(in.statusSince()), in.forFamily(), in.howToContact(), in.nextContact(),
                        Timestamp.from(now), id, version)
                .update() == 1;
    }

    /**
     * Takes an entry added by mistake off the team: kept (soft delete) but never shown, no longer lead, no longer
     * sharing the family profile, and the timeline lines about it hidden. False when it was already removed.
     */
    public boolean remove(long id, String by, Instant now) {
        int n = jdbc.sql("UPDATE team_member SET removed_at = ?, removed_by = ?, lead_for_child = NULL,"
                        + " updated_at = ?, version = version + 1 WHERE id = ? AND removed_at IS NULL")
                .params(Timestamp.from(now), by, Timestamp.from(now), id).update();
        if (n == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM family_profile_share WHERE team_member_id = ?").param(id).update();
        jdbc.sql("UPDATE team_event SET hidden = TRUE WHERE team_member_id = ?").param(id).update();
        return true;
    }

    /** The family a team entry belongs to, removed or not: to tell "another family's" from "not there". */
    public Optional<Long> familyOf(long id) {
        return jdbc.sql("SELECT family_id FROM team_member WHERE id = ?").param(id).query(Long.class).optional();
    }

    private void clearLead(long childId) {
        jdbc.sql("UPDATE team_member SET lead_for_child = NULL WHERE child_id = ?").param(childId).update();
    }

    /** A timeline line about one team entry ({@code memberId}), so removing the entry can hide it. */
    public void event(long familyId, long childId, Long memberId, Instant at, String text) {
        jdbc.sql("INSERT INTO team_event (family_id, child_id, team_member_id, at, text) VALUES (?, ?, ?, ?, ?)")
                .params(familyId, childId, memberId, Timestamp.from(at), text.length() > 300 ? text.substring(0, 300) : text)
                .update();
    }

    public List<TeamEvent> events(long childId, int limit) {
        return jdbc.sql("SELECT at, text FROM team_event WHERE child_id = ? AND NOT hidden ORDER BY at DESC, id DESC LIMIT ?")
                .params(childId, limit)
                .query((rs, n) -> new TeamEvent(rs.getTimestamp("at").toInstant(), rs.getString("text"))).list();
    }

    // ---- tell it once ----

    public Optional<FamilyProfile> profile(long familyId) {
        return jdbc.sql("SELECT * FROM family_profile WHERE family_id = ?").param(familyId)
                .query((rs, n) -> new FamilyProfile(familyId, rs.getString("what_helps"), rs.getString("what_to_avoid"),
                        rs.getString("history"), rs.getString("languages"), rs.getString("best_times"),
                        rs.getTimestamp("updated_at").toInstant())).optional();
    }

    public void saveProfile(FamilyProfile p) {
        // one row per family: the primary key makes two first saves at once end as one profile
        int n = jdbc.sql("UPDATE family_profile SET what_helps = ?, what_to_avoid = ?, history = ?, languages = ?,"
                        + " best_times = ?, updated_at = ?, version = version + 1 WHERE family_id = ?")
                .params(p.whatHelps(), p.whatToAvoid(), p.history(), p.languages(), p.bestTimes(),
                        Timestamp.from(p.updatedAt()), p.familyId()).update();
        if (n == 0) {
            jdbc.sql("INSERT INTO family_profile (family_id, what_helps, what_to_avoid, history, languages, best_times,"
                            + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(p.familyId(), p.whatHelps(), p.whatToAvoid(), p.history(), p.languages(), p.bestTimes(),
                            Timestamp.from(p.updatedAt())).update();
        }
    }

    public boolean share(long familyId, long memberId, Instant now) {
        return jdbc.sql("INSERT IGNORE INTO family_profile_share (family_id, team_member_id, shared_at) VALUES (?, ?, ?)")
                .params(familyId, memberId, Timestamp.from(now)).update() > 0;
    }

    public boolean unshare(long familyId, long memberId) {
        return jdbc.sql("DELETE FROM family_profile_share WHERE family_id = ? AND team_member_id = ?")
                .params(familyId, memberId).update() > 0;
    }

    /** Shared with a service that is still on the team (an ended service no longer counts). */
    public boolean sharedWithAnyone(long familyId) {
        return jdbc.sql("SELECT COUNT(*) FROM family_profile_share p JOIN team_member m ON m.id = p.team_member_id"
                        + " WHERE p.family_id = ? AND m.status <> 'ENDED' AND m.removed_at IS NULL")
                .param(familyId).query(Integer.class).single() > 0;
    }

    /** The parent lets this family support worker read the profile; false when they already could. */
    public boolean addReader(long familyId, long workerId, Instant now) {
        return jdbc.sql("INSERT IGNORE INTO family_profile_reader (family_id, worker_id, shared_at) VALUES (?, ?, ?)")
                .params(familyId, workerId, Timestamp.from(now)).update() > 0;
    }

    public boolean removeReader(long familyId, long workerId) {
        return jdbc.sql("DELETE FROM family_profile_reader WHERE family_id = ? AND worker_id = ?")
                .params(familyId, workerId).update() > 0;
    }

    /** The worker accounts the parent has chosen as readers. */
    public java.util.Set<Long> readers(long familyId) {
        return new java.util.HashSet<>(jdbc.sql("SELECT worker_id FROM family_profile_reader WHERE family_id = ?")
                .param(familyId).query(Long.class).list());
    }

    public boolean isReader(long familyId, long workerId) {
        return jdbc.sql("SELECT COUNT(*) FROM family_profile_reader WHERE family_id = ? AND worker_id = ?")
                .params(familyId, workerId).query(Integer.class).single() > 0;
    }

    public void viewed(long familyId, Long viewerId, String viewer, Instant at) {
        jdbc.sql("INSERT INTO family_profile_view (family_id, viewer_id, viewer, at) VALUES (?, ?, ?, ?)")
                .params(familyId, viewerId, viewer, Timestamp.from(at)).update();
    }

    public List<ProfileView> views(long familyId, int limit) {
        return jdbc.sql("SELECT viewer, at FROM family_profile_view WHERE family_id = ? ORDER BY at DESC, id DESC LIMIT ?")
                .params(familyId, limit)
                .query((rs, n) -> new ProfileView(rs.getString("viewer"), rs.getTimestamp("at").toInstant())).list();
    }

    public boolean anyTeam(long familyId) {
        return jdbc.sql("SELECT COUNT(*) FROM team_member WHERE family_id = ?").param(familyId)
                .query(Integer.class).single() > 0;
    }

    private static TeamMember member(ResultSet rs) throws SQLException {
        return new TeamMember(rs.getLong("id"), rs.getLong("family_id"), rs.getLong("child_id"), rs.getLong("service_id"),
                rs.getString("slug"), rs.getString("service_name"), rs.getString("worker_first_name"),
                rs.getString("worker_role"), rs.getObject("lead_for_child") != null,
                TeamMember.Status.valueOf(rs.getString("status")), rs.getDate("status_since").toLocalDate(),
                rs.getString("for_family"), rs.getString("how_to_contact"), rs.getString("next_contact"),
                rs.getBoolean("shared"), rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }
}
