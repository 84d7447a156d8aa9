package org.village.directory.internal;

import java.time.LocalTime;

/**
 * A directory search as SQL sees it. Null parts are ignored. {@code openDay}/{@code openTime} are the local
 * day (1 = Monday) and time to test "open now" against; {@code ageFrom..ageTo} keeps services that serve
 * someone in that range.
 */
public record ServiceQuery(String text, String termCode, String termUuid, String areaCode, String district,
                           Integer ageFrom, Integer ageTo, Integer openDay, LocalTime openTime) {
}
