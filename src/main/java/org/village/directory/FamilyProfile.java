package org.village.directory;

import java.time.Instant;

/** "Tell it once": what the parent wants every worker to know, in their own words. */
public record FamilyProfile(long familyId, String whatHelps, String whatToAvoid, String history, String languages,
                            String bestTimes, Instant updatedAt) {
}
