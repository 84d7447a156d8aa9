package org.village.directory;

import org.village.helpnow.OpeningHours;

/** One line of the directory list; {@code withdrawn} is only ever true in the admin's list. */
public record ServiceSummary(long id, String uuid, String slug, String name, String organization, String whatTheyDo,
                             Integer minAge, Integer maxAge, String phone, OpeningHours hours, boolean comesToYou,
                             Double lat, Double lng, boolean sample, boolean withdrawn) {
}
