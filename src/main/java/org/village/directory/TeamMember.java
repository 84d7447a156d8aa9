package org.village.directory;

import java.time.Instant;
import java.time.LocalDate;

/** One service around a child, as the family sees it. */
public record TeamMember(long id, long familyId, long childId, long serviceId, String serviceSlug, String serviceName,
                         String workerFirstName, String workerRole, boolean lead, Status status, LocalDate statusSince,
                         String forFamily, String howToContact, String nextContact, boolean profileShared,
                         Instant updatedAt, long version) {

    public enum Status {
        REFERRED("Referred"), WAITING("Waiting to start"), ACTIVE("Working with you"), PAUSED("Paused"),
        ENDED("Ended");

        private final String words;

        Status(String words) {
            this.words = words;
        }

        /** How a parent reads the status. */
        public String words() {
            return words;
        }
    }
}
