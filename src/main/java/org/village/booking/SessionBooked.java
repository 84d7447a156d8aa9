package org.village.booking;

/** A family has a place (booked, requested, or an accepted offer): for the worker's calendar and start page. */
public record SessionBooked(long bookingId, long sessionId, long familyId, BookingStatus status) {
}
