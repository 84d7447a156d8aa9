package org.village.booking;

/**
 * No such booking for this person: it does not exist, or it belongs to another family (the two are told apart
 * nowhere, so ids cannot be probed). The API answers 404; pages say kindly that it cannot be found.
 */
public class BookingNotFound extends RuntimeException {
    public BookingNotFound() {
        super("No such booking", null, false, false);
    }
}
