package org.village.directory.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.village.directory.Area;
import org.village.directory.ServiceDetail;
import org.village.directory.ServiceDetail.Address;
import org.village.directory.ServiceDetail.Exploitation;
import org.village.directory.ServiceDetail.Referral;
import org.village.directory.ServiceInput;
import org.village.directory.ServiceSummary;
import org.village.directory.Term;
import org.village.helpnow.OpeningHours;

/**
 * The directory tables through plain SQL: filters are WHERE clauses and lists are LIMIT/OFFSET pages, so a
 * view or the API never holds more than one page of services.
 */
@Repository
public class ServiceStore {

    private static final String SUMMARY_COLUMNS = "s.id, s.uuid, s.slug, s.name, s.organization, s.what_they_do,"
            + " s.min_age, s.max_age, s.phone, s.always_open, s.comes_to_you, s.lat, s.lng, s.sample, s.status";

    /** Mean radius of the Earth (IUGG), metres. */
    public static final double EARTH_RADIUS_METRES = 6_371_008.8;
    private static final double METRES_PER_DEGREE = Math.PI * EARTH_RADIUS_METRES / 180;

    private final JdbcClient jdbc;

    ServiceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM dir_service").query(Long.class).single() == 0
                && jdbc.sql("SELECT COUNT(*) FROM dir_taxonomy_term").query(Long.class).single() == 0;
    }

    // ---- search ----

    /** A service's searchable words: the same columns the text search has always looked at. */
    public record TextRow(long id, String text) {
    }

    /** Every service's searchable text, withdrawn ones too (the SQL filters those), for the in-memory word index. */
    public List<TextRow> textRows() {
        return jdbc.sql("SELECT id, CONCAT_WS(' ', name, organization, what_they_do, for_who) FROM dir_service")
                .query((rs, n) -> new TextRow(rs.getLong(1), rs.getString(2))).list();
    }

    /**
     * Changes whenever a service is added, removed or edited on any node (an edit raises {@code version} and
     * {@code updated_at}): one scan of a few thousand rows, cheap enough to ask before every search.
     */
    public String textVersion() {
        return jdbc.sql("SELECT CONCAT(COUNT(*), '/', COALESCE(MAX(id), 0), '/', COALESCE(SUM(version), 0), '/',"
                        + " COALESCE(MAX(updated_at), '')) FROM dir_service")
                .query(String.class).single();
    }

    public List<ServiceSummary> search(ServiceQuery q, int offset, int limit) {
        var where = where(q);
        var params = new ArrayList<>(where.params());
        params.add(limit);
        params.add(offset);
        var rows = jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM dir_service s" + where.sql()
                        + " ORDER BY s.name LIMIT ? OFFSET ?")
                .params(params).query((rs, n) -> summaryRow(rs)).list();
        var ids = rows.stream().map(SummaryRow::id).toList();
        var hours = hoursFor(ids);
        var dated = datedFor(ids);
        return rows.stream().map(r -> r.toSummary(hours.getOrDefault(r.id(), List.of()),
                dated.getOrDefault(r.id(), List.of()))).toList();
    }

    /**
     * Listed services with any of these needs, those meeting the most of them first: one query with the
     * taxonomy index, so a guide page can ask on every view.
     */
    public List<ServiceSummary> withAnyNeed(Collection<String> needCodes, int limit) {
        if (needCodes.isEmpty()) {
            return List.of();
        }
        var rows = jdbc.sql("SELECT " + SUMMARY_COLUMNS + ", COUNT(*) AS matched FROM dir_service s"
                        + " JOIN dir_service_taxonomy st ON st.service_id = s.id"
                        + " JOIN dir_taxonomy_term t ON t.id = st.term_id"
                        + " WHERE s.status = 'active' AND t.code IN (:codes)"
                        + " GROUP BY " + SUMMARY_COLUMNS + " ORDER BY matched DESC, s.name LIMIT :limit")
                .param("codes", needCodes).param("limit", limit).query((rs, n) -> summaryRow(rs)).list();
        var ids = rows.stream().map(SummaryRow::id).toList();
        var hours = hoursFor(ids);
        var dated = datedFor(ids);
        return rows.stream().map(r -> r.toSummary(hours.getOrDefault(r.id(), List.of()),
                dated.getOrDefault(r.id(), List.of()))).toList();
    }

    public int count(ServiceQuery q) {
        var where = where(q);
        return jdbc.sql("SELECT COUNT(*) FROM dir_service s" + where.sql()).params(where.params())
                .query(Integer.class).single();
    }

    private static Where where(ServiceQuery q) {
        var sql = new StringBuilder(q.withdrawnToo() ? " WHERE 1 = 1" : " WHERE s.status = 'active'");
        var params = new ArrayList<Object>();
        if (q.near() != null && q.near().metres() != null) {
            // first: the box and the distance leave a few hundred rows for the subqueries below to look at
            near(q.near(), sql, params);
        }
        if (q.textIds() != null) {
            // the words were matched in memory (typo-tolerant, DirectoryService): the primary key does the rest
            sql.append(q.textIds().isEmpty() ? " AND 1 = 0"
                    : " AND s.id IN (" + "?,".repeat(q.textIds().size() - 1) + "?)");
            params.addAll(q.textIds());
        } else if (q.text() != null && !q.text().isBlank()) {
            // LIKE on a few thousand rows is well inside the 50 ms budget and behaves the same on MySQL and MariaDB
            sql.append(" AND (s.name LIKE ? OR s.organization LIKE ? OR s.what_they_do LIKE ? OR s.for_who LIKE ?)");
            String like = "%" + q.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            for (int i = 0; i < 4; i++) {
                params.add(like);
            }
        }
        if (q.termCode() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM dir_service_taxonomy st JOIN dir_taxonomy_term t ON t.id = st.term_id"
                    + " WHERE st.service_id = s.id AND t.code = ?)");
            params.add(q.termCode());
        }
        if (q.termUuid() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM dir_service_taxonomy st JOIN dir_taxonomy_term t ON t.id = st.term_id"
                    + " WHERE st.service_id = s.id AND t.uuid = ?)");
            params.add(q.termUuid());
        }
        if (q.areaIds() != null) {
            // services working anywhere in the chosen area: an "all of Bristol" service also shows under North
            sql.append(" AND EXISTS (SELECT 1 FROM dir_service_area sa WHERE sa.service_id = s.id AND sa.area_id IN (")
                    .append(q.areaIds().isEmpty() ? "NULL" : "?,".repeat(q.areaIds().size() - 1) + "?").append("))");
            params.addAll(q.areaIds());
        }
        if (q.district() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM dir_service_area sa JOIN dir_area_district d ON d.area_id = sa.area_id"
                    + " WHERE sa.service_id = s.id AND d.district = ?)");
            params.add(q.district());
        }
        if (q.ageFrom() != null) {
            sql.append(" AND (s.max_age IS NULL OR s.max_age >= ?)");
            params.add(q.ageFrom());
        }
        if (q.ageTo() != null) {
            sql.append(" AND (s.min_age IS NULL OR s.min_age <= ?)");
            params.add(q.ageTo());
        }
        if (q.openAt() != null) {
            // the same rule as OpeningHours.isOpen: today's rows that have started and not ended (a row whose
            // closing time is at or before its opening runs past midnight), or yesterday's rows still running;
            // weekly rows do not start on a closed date, and a date's extra hours count like a row that day
            LocalDate today = q.openAt().toLocalDate();
            Date todayDate = Date.valueOf(today);
            Date yesterdayDate = Date.valueOf(today.minusDays(1));
            int day = today.getDayOfWeek().getValue();
            int yesterday = day == 1 ? 7 : day - 1;
            Time t = Time.valueOf(q.openAt().toLocalTime().withSecond(0).withNano(0));
            String closedOn = "NOT EXISTS (SELECT 1 FROM dir_service_dated_hours c WHERE c.service_id = s.id"
                    + " AND c.closed AND c.on_date = ?)";
            sql.append(" AND (s.always_open OR EXISTS (SELECT 1 FROM dir_service_hours h WHERE h.service_id = s.id AND ("
                    + "(h.day = ? AND h.opens <= ? AND (h.closes > ? OR h.closes <= h.opens OR h.closes = '23:59:00') AND "
                    + closedOn + ")"
                    + " OR (h.day = ? AND h.closes <= h.opens AND h.closes > ? AND " + closedOn + ")))"
                    + " OR EXISTS (SELECT 1 FROM dir_service_dated_hours x WHERE x.service_id = s.id AND NOT x.closed AND ("
                    + "(x.on_date = ? AND x.opens <= ? AND (x.closes > ? OR x.closes <= x.opens OR x.closes = '23:59:00'))"
                    + " OR (x.on_date = ? AND x.closes <= x.opens AND x.closes > ?))))");
            params.addAll(List.of(day, t, t, todayDate, yesterday, t, yesterdayDate, todayDate, t, t, yesterdayDate, t));
        }
        if (q.anyTerm()) {
            sql.append(" AND EXISTS (SELECT 1 FROM dir_service_taxonomy st WHERE st.service_id = s.id)");
        }
        if (q.schedule() != null) {
            schedule(q.schedule(), sql, params);
        }
        return new Where(sql.toString(), params);
    }

    private static void schedule(ServiceQuery.Schedule s, StringBuilder sql, List<Object> params) {
        // an always-open line counts as one session from 00:00 to 23:59 every day
        boolean alwaysOpenFits = (s.startsFrom() == null || s.startsFrom().equals(LocalTime.MIDNIGHT))
                && (s.endsBy() == null || !s.endsBy().isBefore(LocalTime.of(23, 59)));
        sql.append(" AND (").append(alwaysOpenFits ? "s.always_open OR " : "")
                .append("EXISTS (SELECT 1 FROM dir_service_hours h WHERE h.service_id = s.id");
        if (s.day() != null) {
            sql.append(" AND h.day = ?");
            params.add(s.day());
        }
        if (s.startsFrom() != null) {
            sql.append(" AND h.opens >= ?");
            params.add(Time.valueOf(s.startsFrom()));
        }
        if (s.endsBy() != null) {
            // a row whose closing time is at or before its opening runs past midnight: it ends the next day
            sql.append(" AND h.closes > h.opens AND h.closes <= ?");
            params.add(Time.valueOf(s.endsBy()));
        }
        sql.append("))");
    }

    /** Within {@code metres} of the point: a box the position index can use, then the exact distance. */
    private static void near(ServiceQuery.Near n, StringBuilder sql, List<Object> params) {
        double dLat = n.metres() / METRES_PER_DEGREE * 1.01;
        double dLng = dLat / Math.max(0.01, Math.cos(Math.toRadians(n.lat())));
        sql.append(" AND s.lat BETWEEN ? AND ? AND s.lng BETWEEN ? AND ? AND ").append(DISTANCE).append(" <= ?");
        params.addAll(List.of(n.lat() - dLat, n.lat() + dLat, n.lng() - dLng, n.lng() + dLng, n.lat(), n.lat(), n.lng(),
                n.metres()));
    }

    /** Great-circle distance in metres from a point (lat, lat, lng parameters) to the service, computed by the database. */
    private static final String DISTANCE = "(2 * " + EARTH_RADIUS_METRES + " * ASIN(SQRT(POWER(SIN(RADIANS(s.lat - ?) / 2), 2)"
            + " + COS(RADIANS(?)) * COS(RADIANS(s.lat)) * POWER(SIN(RADIANS(s.lng - ?) / 2), 2))))";

    private record Where(String sql, List<Object> params) {
    }

    // ---- services at a location (Open Referral UK) ----

    /** A service has a location when it has an address; only located services appear here. */
    private static final String LOCATED = " AND (s.postcode IS NOT NULL OR s.address_line1 IS NOT NULL)";

    /** Services with a place to go, nearest first when {@link ServiceQuery#near()} is set, then by name. */
    public List<ServiceSummary> searchLocations(ServiceQuery q, int offset, int limit) {
        var where = where(q);
        var params = new ArrayList<Object>();
        String order = " ORDER BY s.name";
        String select = "SELECT " + SUMMARY_COLUMNS;
        if (q.near() != null) {
            select += ", CASE WHEN s.lat IS NULL OR s.lng IS NULL THEN NULL ELSE " + DISTANCE + " END AS distance";
            params.addAll(List.of(q.near().lat(), q.near().lat(), q.near().lng()));
            // services without coordinates last: their distance is unknown
            order = " ORDER BY distance IS NULL, distance, s.name";
        }
        params.addAll(where.params());
        params.add(limit);
        params.add(offset);
        var rows = jdbc.sql(select + " FROM dir_service s" + where.sql() + LOCATED + order + " LIMIT ? OFFSET ?")
                .params(params).query((rs, n) -> summaryRow(rs)).list();
        var ids = rows.stream().map(SummaryRow::id).toList();
        var hours = hoursFor(ids);
        var dated = datedFor(ids);
        return rows.stream().map(r -> r.toSummary(hours.getOrDefault(r.id(), List.of()),
                dated.getOrDefault(r.id(), List.of()))).toList();
    }

    public int countLocations(ServiceQuery q) {
        var where = where(q);
        return jdbc.sql("SELECT COUNT(*) FROM dir_service s" + where.sql() + LOCATED).params(where.params())
                .query(Integer.class).single();
    }

    /** The id every service's location is published under: derived from the service's id, so it never changes. */
    public static String locationUuid(String serviceUuid) {
        return java.util.UUID.nameUUIDFromBytes((serviceUuid + ":service_at_location")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /** Stores the location id of rows written before it was kept (migration V10) or by hand; returns how many. */
    public int fillLocationIds() {
        var missing = jdbc.sql("SELECT id, uuid FROM dir_service WHERE location_uuid IS NULL")
                .query((rs, n) -> new Object[] {locationUuid(rs.getString(2)), rs.getLong(1)}).list();
        for (Object[] row : missing) {
            jdbc.sql("UPDATE dir_service SET location_uuid = ? WHERE id = ?").params(row).update();
        }
        return missing.size();
    }

    public Optional<ServiceDetail> findByLocationUuid(String locationUuid) {
        return findIdBy("location_uuid", locationUuid).flatMap(this::findById);
    }

    // ---- reading one ----

    public Optional<ServiceDetail> findBySlug(String slug) {
        return findIdBy("slug", slug).flatMap(this::findById);
    }

    public Optional<ServiceDetail> findByUuid(String uuid) {
        return findIdBy("uuid", uuid).flatMap(this::findById);
    }

    public Optional<Long> findIdBy(String column, String value) {
        if (!Set.of("slug", "uuid", "name", "location_uuid").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.sql("SELECT id FROM dir_service WHERE " + column + " = ?").param(value).query(Long.class).optional();
    }

    public Optional<ServiceDetail> findById(long id) {
        var needs = jdbc.sql("SELECT t.* FROM dir_taxonomy_term t JOIN dir_service_taxonomy st ON st.term_id = t.id"
                + " WHERE st.service_id = ? ORDER BY t.name").param(id).query((rs, n) -> term(rs)).list();
        var areaIds = jdbc.sql("SELECT area_id FROM dir_service_area WHERE service_id = ?").param(id)
                .query(Long.class).list();
        var areas = areas().stream().filter(a -> areaIds.contains(a.id())).toList();
        var hours = hoursFor(List.of(id)).getOrDefault(id, List.of());
        var dated = datedFor(List.of(id)).getOrDefault(id, List.of());
        return jdbc.sql("SELECT * FROM dir_service WHERE id = ?").param(id).query((rs, n) -> {
            Double lat = decimal(rs, "lat");
            Double lng = decimal(rs, "lng");
            Address address = rs.getString("postcode") == null && rs.getString("address_line1") == null ? null
                    : new Address(rs.getString("address_line1"), rs.getString("city"), rs.getString("postcode"), lat, lng);
            Date checked = rs.getDate("last_checked");
            return new ServiceDetail(id, rs.getString("uuid"), rs.getString("slug"), rs.getString("name"),
                    rs.getString("organization"), rs.getString("organization_url"), rs.getString("what_they_do"),
                    rs.getString("what_they_dont"), rs.getString("for_who"), (Integer) rs.getObject("min_age", Integer.class),
                    (Integer) rs.getObject("max_age", Integer.class), Exploitation.valueOf(rs.getString("exploitation")),
                    split(rs.getString("audiences")), needs, areas, Referral.valueOf(rs.getString("referral")),
                    rs.getString("referral_how"), rs.getString("how_they_contact"),
                    new OpeningHours(rs.getBoolean("always_open"), hours, dated), rs.getBoolean("out_of_hours"),
                    split(rs.getString("languages")), rs.getString("cost"), rs.getString("phone"), rs.getString("email"),
                    rs.getString("url"), address, rs.getBoolean("comes_to_you"),
                    checked == null ? null : checked.toLocalDate(), rs.getBoolean("sample"),
                    rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"), withdrawal(rs));
        }).optional();
    }

    /** Services whose hours matter out of hours: always-open lines and those marked out-of-hours. */
    public List<ServiceSummary> outOfHours() {
        var rows = jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM dir_service s WHERE s.status = 'active'"
                        + " AND (s.always_open OR s.out_of_hours) AND s.phone IS NOT NULL ORDER BY s.always_open DESC, s.name LIMIT 50")
                .query((rs, n) -> summaryRow(rs)).list();
        var ids = rows.stream().map(SummaryRow::id).toList();
        var hours = hoursFor(ids);
        var dated = datedFor(ids);
        return rows.stream().map(r -> r.toSummary(hours.getOrDefault(r.id(), List.of()),
                dated.getOrDefault(r.id(), List.of()))).toList();
    }

    /** Takes a listed service out of the directory; false when it was already withdrawn (or is unknown). */
    public boolean withdraw(long id, String by, String reason, Instant now) {
        return jdbc.sql("UPDATE dir_service SET status = 'withdrawn', withdrawn_at = ?, withdrawn_by = ?,"
                        + " withdrawn_reason = ?, updated_at = ?, version = version + 1 WHERE id = ? AND status = 'active'")
                .params(Timestamp.from(now), by, reason, Timestamp.from(now), id).update() == 1;
    }

    /** Lists a withdrawn service again; false when it was not withdrawn. */
    public boolean restore(long id, Instant now) {
        return jdbc.sql("UPDATE dir_service SET status = 'active', withdrawn_at = NULL, withdrawn_by = NULL,"
                        + " withdrawn_reason = NULL, updated_at = ?, version = version + 1 WHERE id = ? AND status = 'withdrawn'")
                .params(Timestamp.from(now), id).update() == 1;
    }

    public List<Long> ids(int offset, int limit) {
        return jdbc.sql("SELECT id FROM dir_service ORDER BY name LIMIT ? OFFSET ?").params(limit, offset)
                .query(Long.class).list();
    }

    // ---- taxonomy and areas ----

    public List<Term> terms() {
        return jdbc.sql("SELECT * FROM dir_taxonomy_term ORDER BY name").query((rs, n) -> term(rs)).list();
    }

    public List<Area> areas() {
        var districts = new LinkedHashMap<Long, List<String>>();
        jdbc.sql("SELECT area_id, district FROM dir_area_district ORDER BY district").query(rs -> {
            districts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
        districts.values().forEach(list -> list.sort((a, b) -> {
            int c = Integer.compare(a.length(), b.length());
            return c != 0 ? c : a.compareTo(b);
        }));
        return jdbc.sql("SELECT * FROM dir_area ORDER BY id").query((rs, n) -> new Area(rs.getLong("id"),
                rs.getString("code"), rs.getString("name"), districts.getOrDefault(rs.getLong("id"), List.of()),
                polygon(rs.getString("polygon")))).list();
    }

    public boolean districtKnown(String district) {
        return jdbc.sql("SELECT COUNT(*) FROM dir_area_district WHERE district = ?").param(district)
                .query(Integer.class).single() > 0;
    }

    public long insertTerm(String uuid, String code, String name, String description) {
        jdbc.sql("INSERT INTO dir_taxonomy_term (uuid, code, name, description) VALUES (?, ?, ?, ?)")
                .params(uuid, code, name, description).update();
        return jdbc.sql("SELECT id FROM dir_taxonomy_term WHERE code = ?").param(code).query(Long.class).single();
    }

    public void insertArea(String code, String name, List<String> districts, List<double[]> polygon) {
        String json = polygon.stream().map(p -> "[" + p[0] + "," + p[1] + "]").collect(Collectors.joining(",", "[", "]"));
        jdbc.sql("INSERT INTO dir_area (code, name, polygon) VALUES (?, ?, ?)").params(code, name, json).update();
        long id = jdbc.sql("SELECT id FROM dir_area WHERE code = ?").param(code).query(Long.class).single();
        for (String d : districts) {
            jdbc.sql("INSERT INTO dir_area_district (area_id, district) VALUES (?, ?)").params(id, d).update();
        }
    }

    // ---- writing services ----

    public long insert(String uuid, ServiceInput in, boolean sample, Instant now) {
        jdbc.sql("INSERT INTO dir_service (uuid, slug, name, organization, organization_url, what_they_do, what_they_dont,"
                        + " for_who, min_age, max_age, exploitation, audiences, referral, referral_how, how_they_contact,"
                        + " always_open, out_of_hours, languages, cost, phone, email, url, address_line1, city, postcode,"
                        + " lat, lng, comes_to_you, last_checked, sample, updated_at, location_uuid)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(columns(uuid, in, sample, now)).update();
        long id = findIdBy("uuid", uuid).orElseThrow();
        writeLinks(id, in);
        return id;
    }

    /** Optimistic: returns false when someone else saved the service since {@code version} was read. */
    public boolean update(long id, long version, ServiceInput in, Instant now) {
        var a = in.address();
        int n = jdbc.sql("UPDATE dir_service SET slug = ?, name = ?, organization = ?, organization_url = ?, what_they_do = ?,"
                        + " what_they_dont = ?, for_who = ?, min_age = ?, max_age = ?, exploitation = ?, audiences = ?,"
                        + " referral = ?, referral_how = ?, how_they_contact = ?, always_open = ?, out_of_hours = ?,"
                        + " languages = ?, cost = ?, phone = ?, email = ?, url = ?, address_line1 = ?, city = ?, postcode = ?,"
                        + " lat = ?, lng = ?, comes_to_you = ?, last_checked = ?, updated_at = ?, version = version + 1"
                        + " WHERE id = ? AND version = ?")
                .params(in.slug(), in.name(), in.organization(), in.organizationUrl(), in.whatTheyDo(), in.whatTheyDont(),
                        in.forWho(), in.minAge(), in.maxAge(), in.exploitation().name(), String.join(",", in.audiences()),
                        in.referral().name(), in.referralHow(), in.howTheyContact(), in.hours().alwaysOpen(),
                        in.outOfHours(), String.join(",", in.languages()), in.cost(), in.phone(), in.email(), in.url(),
                        a == null ? null : a.line1(), a == null ? null : a.city(), a == null ? null : a.postcode(),
                        a == null ? null : a.lat(), a == null ? null : a.lng(), in.comesToYou(),
                        in.lastChecked() == null ? null : Date.valueOf(in.lastChecked()), Timestamp.from(now), id, version)
                .update();
        if (n == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM dir_service_taxonomy WHERE service_id = ?").param(id).update();
        jdbc.sql("DELETE FROM dir_service_area WHERE service_id = ?").param(id).update();
        jdbc.sql("DELETE FROM dir_service_hours WHERE service_id = ?").param(id).update();
        jdbc.sql("DELETE FROM dir_service_dated_hours WHERE service_id = ?").param(id).update();
        writeLinks(id, in);
        return true;
    }

    private void writeLinks(long id, ServiceInput in) {
        for (String code : in.needs()) {
            jdbc.sql("INSERT INTO dir_service_taxonomy (service_id, term_id) SELECT ?, id FROM dir_taxonomy_term WHERE code = ?")
                    .params(id, code).update();
        }
        for (String code : in.areas()) {
            jdbc.sql("INSERT INTO dir_service_area (service_id, area_id) SELECT ?, id FROM dir_area WHERE code = ?")
                    .params(id, code).update();
        }
        for (var row : in.hours().rows()) {
            for (DayOfWeek day : row.days()) {
                jdbc.sql("INSERT INTO dir_service_hours (service_id, day, opens, closes) VALUES (?, ?, ?, ?)")
                        .params(id, day.getValue(), Time.valueOf(row.opens()), Time.valueOf(row.closes())).update();
            }
        }
        for (var d : in.hours().dated()) {
            jdbc.sql("INSERT INTO dir_service_dated_hours (service_id, on_date, closed, opens, closes, note) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(id, Date.valueOf(d.date()), d.closed(), d.opens() == null ? null : Time.valueOf(d.opens()),
                            d.closes() == null ? null : Time.valueOf(d.closes()), d.note())
                    .update();
        }
    }

    private static List<Object> columns(String uuid, ServiceInput in, boolean sample, Instant now) {
        var a = in.address();
        return Arrays.asList(uuid, in.slug(), in.name(), in.organization(), in.organizationUrl(), in.whatTheyDo(),
                in.whatTheyDont(), in.forWho(), in.minAge(), in.maxAge(), in.exploitation().name(),
                String.join(",", in.audiences()), in.referral().name(), in.referralHow(), in.howTheyContact(),
                in.hours().alwaysOpen(), in.outOfHours(), String.join(",", in.languages()), in.cost(), in.phone(),
                in.email(), in.url(), a == null ? null : a.line1(), a == null ? null : a.city(),
                a == null ? null : a.postcode(), a == null ? null : a.lat(), a == null ? null : a.lng(),
                in.comesToYou(), in.lastChecked() == null ? null : Date.valueOf(in.lastChecked()), sample,
                Timestamp.from(now), locationUuid(uuid));
    }

    // ---- mapping ----

    /** Rows grouped back into "these days, these times" lines for {@link OpeningHours}. */
    private Map<Long, List<OpeningHours.Row>> hoursFor(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var grouped = new TreeMap<Long, Map<String, Set<DayOfWeek>>>();
        jdbc.sql("SELECT service_id, day, opens, closes FROM dir_service_hours WHERE service_id IN (:ids) ORDER BY id")
                .param("ids", ids).query(rs -> {
                    String key = rs.getTime("opens").toLocalTime() + "-" + rs.getTime("closes").toLocalTime();
                    grouped.computeIfAbsent(rs.getLong("service_id"), k -> new LinkedHashMap<>())
                            .computeIfAbsent(key, k -> EnumSet.noneOf(DayOfWeek.class))
                            .add(DayOfWeek.of(rs.getInt("day")));
                });
        var result = new LinkedHashMap<Long, List<OpeningHours.Row>>();
        grouped.forEach((id, byTimes) -> result.put(id, byTimes.entrySet().stream().map(e -> {
            String[] t = e.getKey().split("-");
            return new OpeningHours.Row(e.getValue(), LocalTime.parse(t[0]), LocalTime.parse(t[1]));
        }).toList()));
        return result;
    }

    /** Dated closures and extra hours, by service. */
    private Map<Long, List<OpeningHours.Dated>> datedFor(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var result = new LinkedHashMap<Long, List<OpeningHours.Dated>>();
        jdbc.sql("SELECT service_id, on_date, closed, opens, closes, note FROM dir_service_dated_hours"
                        + " WHERE service_id IN (:ids) ORDER BY on_date, id")
                .param("ids", ids).query(rs -> {
                    result.computeIfAbsent(rs.getLong("service_id"), k -> new ArrayList<>())
                            .add(new OpeningHours.Dated(rs.getDate("on_date").toLocalDate(), rs.getBoolean("closed"),
                                    rs.getTime("opens") == null ? null : rs.getTime("opens").toLocalTime(),
                                    rs.getTime("closes") == null ? null : rs.getTime("closes").toLocalTime(),
                                    rs.getString("note")));
                });
        return result;
    }

    private static SummaryRow summaryRow(ResultSet rs) throws SQLException {
        return new SummaryRow(rs.getLong("id"), rs.getString("uuid"), rs.getString("slug"), rs.getString("name"),
                rs.getString("organization"), rs.getString("what_they_do"), (Integer) rs.getObject("min_age", Integer.class),
                (Integer) rs.getObject("max_age", Integer.class), rs.getString("phone"), rs.getBoolean("always_open"),
                rs.getBoolean("comes_to_you"), decimal(rs, "lat"), decimal(rs, "lng"), rs.getBoolean("sample"),
                !"active".equals(rs.getString("status")));
    }

    private static ServiceDetail.Withdrawal withdrawal(ResultSet rs) throws SQLException {
        if ("active".equals(rs.getString("status"))) {
            return null;
        }
        Timestamp at = rs.getTimestamp("withdrawn_at");
        return new ServiceDetail.Withdrawal(at == null ? null : at.toInstant(), rs.getString("withdrawn_by"),
                rs.getString("withdrawn_reason"));
    }

    private record SummaryRow(long id, String uuid, String slug, String name, String organization, String whatTheyDo,
                              Integer minAge, Integer maxAge, String phone, boolean alwaysOpen, boolean comesToYou,
                              Double lat, Double lng, boolean sample, boolean withdrawn) {
        ServiceSummary toSummary(List<OpeningHours.Row> rows, List<OpeningHours.Dated> dated) {
            return new ServiceSummary(id, uuid, slug, name, organization, whatTheyDo, minAge, maxAge, phone,
                    new OpeningHours(alwaysOpen, rows, dated), comesToYou, lat, lng, sample, withdrawn);
        }
    }

    private static Term term(ResultSet rs) throws SQLException {
        return new Term(rs.getLong("id"), rs.getString("uuid"), rs.getString("code"), rs.getString("name"),
                rs.getString("description"));
    }

    private static Double decimal(ResultSet rs, String column) throws SQLException {
        BigDecimal d = rs.getBigDecimal(column);
        return d == null ? null : d.doubleValue();
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.split(","));
    }

    private static List<double[]> polygon(String json) {
        var points = new ArrayList<double[]>();
        String inner = json.replaceAll("\\s", "");
        if (inner.length() < 4) {
            return points;
        }
        for (String pair : inner.substring(2, inner.length() - 2).split("\\],\\[")) {
            String[] p = pair.split(",");
            points.add(new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1])});
        }
        return points;
    }
}
