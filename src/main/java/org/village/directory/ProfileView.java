package org.village.directory;

import java.time.Instant;

/** Someone outside the family read the profile: shown to the parent under "who has seen this". */
public record ProfileView(String viewer, Instant at) {
}
