package org.village.booking;

import java.util.List;

/**
 * What a parent (or a worker for a family) asks for: a session, who comes (member keys from {@link Member}), a
 * note for the worker, and an idempotency key so a retry gets the first answer back (null: none).
 */
public record BookingRequest(long sessionId, List<String> members, String note, String idempotencyKey) {

    public BookingRequest {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
