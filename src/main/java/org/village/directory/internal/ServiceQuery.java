package org.village.directory.internal;

import java.time.LocalTime;
import java.util.List;

/**
 * A directory search as SQL sees it. Null parts are ignored. {@code areaIds} are the areas that overlap
 * the one asked for (worked out in Java from a handful of areas, so SQL needs no district joins). {@code openDay}/{@code openTime} are the local
 * day (1 = Monday) and time to test "open now" against; {@code ageFrom..ageTo} keeps services that serve
 * someone in that range. Withdrawn services are left out unless {@code withdrawnToo} (the admin's list).
 */
public record ServiceQuery(String text, String termCode, String termUuid, List<Long> areaIds, String district,
                           Integer ageFrom, Integer ageTo, Integer openDay, LocalTime openTime, boolean withdrawnToo) {
}
