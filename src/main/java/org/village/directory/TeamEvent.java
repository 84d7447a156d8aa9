package org.village.directory;

import java.time.Instant;

/** One line of a child's team timeline, in plain words ("CAMHS: referral accepted, now waiting to start"). */
public record TeamEvent(Instant at, String text) {
}
