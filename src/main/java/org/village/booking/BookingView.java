package org.village.booking;

import java.time.Instant;
import java.util.List;

/**
 * One booking as its family (or the worker running the session) sees it. {@code waitingPosition} is 1 for the first
 * family in line, 0 when not waiting; {@code offerExpiresAt} is set while a freed place is offered.
 */
public record BookingView(long id, long sessionId, long familyId, BookingStatus status, Instant startsAt,
                          Instant endsAt, String typeCode, String typeName, String workerFirstName, String placeKind,
                          String placeDetail, List<Member> members, String note, int waitingPosition,
                          Instant offerExpiresAt, Long groupId, boolean sessionCancelled) {
}
