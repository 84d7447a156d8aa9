package org.village.booking;

import java.util.List;

/**
 * Published inside a booking change; after it commits, {@link Bookings} tells the family: an in-portal notice
 * ({@code noticeKey}, may be null) and e-mails with the calendar file ({@code mailKey}, may be null) for these
 * bookings. {@code sequences} are the bookings' iCalendar SEQUENCE numbers as the change left them, so a mail that
 * goes out late never carries a newer number than its change (decision 096). Nothing in it names a person.
 */
public record FamilyToBeTold(long familyId, List<Long> bookingIds, List<Integer> sequences, boolean cancelled,
                             String mailKey, String noticeKey, String noticeLink) {

    /** The e-mail that offers a freed place (no calendar file: the place is not theirs yet). */
    public static final String OFFER_MAIL = "booking.email.offer.body";
}
