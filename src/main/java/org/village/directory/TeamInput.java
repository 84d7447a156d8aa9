package org.village.directory;

import java.time.LocalDate;

/** What a worker records about a service on a child's team. */
public record TeamInput(long serviceId, String workerFirstName, String workerRole, boolean lead,
                        TeamMember.Status status, LocalDate statusSince, String forFamily, String howToContact,
                        String nextContact) {
}
