package org.village.directory.internal;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * A directory search as SQL sees it. Null parts are ignored. {@code areaIds} are the areas that overlap
 * the one asked for (worked out in Java from a handful of areas, so SQL needs no district joins). {@code openAt} is the local
 * date and time (Europe/London) to test "open now" against, dated closures and extra hours included; {@code ageFrom..ageTo} keeps services that serve
 * someone in that range. Withdrawn services are left out unless {@code withdrawnToo} (the admin's list).
 *
 * <p>The Open Referral UK API adds: {@code anyTerm} (services with at least one need from the taxonomy),
 * {@code schedule} (a session on a day and/or starting and ending within times) and {@code near} (services with
 * a place to go, within a distance of a point, nearest first).
 *
 * <p>{@code textIds}, when not null, stands for {@code text}: the services the words match (see
 * {@link #withTextIds}).
 */
public record ServiceQuery(String text, String termCode, String termUuid, List<Long> areaIds, String district,
                           Integer ageFrom, Integer ageTo, LocalDateTime openAt, boolean withdrawnToo,
                           boolean anyTerm, Schedule schedule, Near near, List<Long> textIds) {

    public ServiceQuery(String text, String termCode, String termUuid, List<Long> areaIds, String district,
                        Integer ageFrom, Integer ageTo, LocalDateTime openAt, boolean withdrawnToo,
                        boolean anyTerm, Schedule schedule, Near near) {
        this(text, termCode, termUuid, areaIds, district, ageFrom, ageTo, openAt, withdrawnToo, anyTerm,
                schedule, near, null);
    }

    public ServiceQuery(String text, String termCode, String termUuid, List<Long> areaIds, String district,
                        Integer ageFrom, Integer ageTo, LocalDateTime openAt, boolean withdrawnToo) {
        this(text, termCode, termUuid, areaIds, district, ageFrom, ageTo, openAt, withdrawnToo, false, null,
                null);
    }

    /**
     * Services with a weekly session (an opening-hours row) on {@code day} (1 = Monday; null: any day) that starts
     * at or after {@code startsFrom} and ends at or before {@code endsBy} (either may be null). A row that runs past
     * midnight never ends "by" a time on the same day; a service open all day and night counts as 00:00 to 23:59.
     */
    public record Schedule(Integer day, LocalTime startsFrom, LocalTime endsBy) {
    }

    /** A point, and how far from it (metres; null: any distance, only the nearest-first order). */
    public record Near(double lat, double lng, Integer metres) {
    }

    public ServiceQuery withTermUuid(String uuid) {
        return new ServiceQuery(text, termCode, uuid, areaIds, district, ageFrom, ageTo, openAt, withdrawnToo,
                anyTerm, schedule, near, textIds);
    }

    public ServiceQuery withAges(Integer from, Integer to) {
        return new ServiceQuery(text, termCode, termUuid, areaIds, district, from, to, openAt, withdrawnToo,
                anyTerm, schedule, near, textIds);
    }

    public ServiceQuery withAnyTerm(boolean any) {
        return new ServiceQuery(text, termCode, termUuid, areaIds, district, ageFrom, ageTo, openAt,
                withdrawnToo, any, schedule, near, textIds);
    }

    public ServiceQuery withSchedule(Schedule s) {
        return new ServiceQuery(text, termCode, termUuid, areaIds, district, ageFrom, ageTo, openAt,
                withdrawnToo, anyTerm, s, near, textIds);
    }

    public ServiceQuery withDistrict(String d) {
        return new ServiceQuery(text, termCode, termUuid, areaIds, d, ageFrom, ageTo, openAt, withdrawnToo,
                anyTerm, schedule, near, textIds);
    }

    /**
     * Keeps only these services (worked out in memory from the words typed, typo-tolerant; see DirectoryService):
     * the SQL then tests {@code s.id IN (...)} instead of the text.
     */
    public ServiceQuery withTextIds(List<Long> ids) {
        return new ServiceQuery(text, termCode, termUuid, areaIds, district, ageFrom, ageTo, openAt,
                withdrawnToo, anyTerm, schedule, near, ids);
    }

    public ServiceQuery withNear(Near n) {
        return new ServiceQuery(text, termCode, termUuid, areaIds, district, ageFrom, ageTo, openAt,
                withdrawnToo, anyTerm, schedule, n, textIds);
    }
}
