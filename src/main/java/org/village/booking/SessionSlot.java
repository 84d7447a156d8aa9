package org.village.booking;

import java.time.Instant;
import java.util.Set;

/**
 * A session a parent can look at: what it is, when (UTC; shown in Europe/London), who runs it (first name only),
 * where, and how many places are left. {@code waitingList} is true when it is full and a family may join its
 * waiting list.
 */
public record SessionSlot(long id, String typeCode, String typeName, String description, Instant startsAt,
                          Instant endsAt, int capacity, int placesLeft, boolean waitingList, String workerFirstName,
                          String placeKind, String placeDetail, Set<String> attendees, int seriesLength,
                          boolean confirmRequired, boolean cancelled) {

    public long minutes() {
        return java.time.Duration.between(startsAt, endsAt).toMinutes();
    }
}
