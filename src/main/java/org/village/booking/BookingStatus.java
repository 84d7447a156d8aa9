package org.village.booking;

import java.util.EnumSet;
import java.util.Set;

/** Where a booking stands. Only the first five are ever shown to a parent by name; the rest read as "ended". */
public enum BookingStatus {
    BOOKED, REQUESTED, WAITING, OFFERED, CANCELLED, DECLINED, EXPIRED, ATTENDED;

    /** Statuses that hold a place in the session (counted in {@code booking_session.places_taken}). */
    public static final Set<BookingStatus> HOLDS_PLACE = EnumSet.of(BOOKED, REQUESTED, OFFERED, ATTENDED);
    /** Statuses that keep the family in the session (one at a time: the unique key on active_session_id). */
    public static final Set<BookingStatus> ACTIVE = EnumSet.of(BOOKED, REQUESTED, WAITING, OFFERED, ATTENDED);

    public boolean holdsPlace() {
        return HOLDS_PLACE.contains(this);
    }

    public boolean active() {
        return ACTIVE.contains(this);
    }

    /** The word the API uses ({@code booked}, {@code requested}, {@code waiting}, {@code offered}, {@code cancelled}, …). */
    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
