package org.village.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * A search from the Open Referral UK API, in the API's own terms. Every part is optional. Ages are a person's age
 * range (services that serve someone aged between them); {@code day}/{@code startTime}/{@code endTime} keep services
 * with a weekly session on that day starting at or after and ending at or before those times; {@code postcode} is a
 * full postcode or district in the partnership's area, and {@code proximity} the distance from its centre in metres.
 */
public record ApiQuery(String text, String termUuid, boolean anyTerm, Integer ageFrom, Integer ageTo, DayOfWeek day,
                       LocalTime startTime, LocalTime endTime, String postcode, Integer proximity) {

    public static final int MAX_PROXIMITY = 100_000;

    public static ApiQuery all() {
        return new ApiQuery(null, null, false, null, null, null, null, null, null, null);
    }
}
