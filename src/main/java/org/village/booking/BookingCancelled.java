package org.village.booking;

/** A booking ended before the session (cancelled by the family or a worker, or the session was cancelled). */
public record BookingCancelled(long bookingId, long sessionId, long familyId) {
}
