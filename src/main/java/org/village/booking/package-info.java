/**
 * Booking family therapeutic sessions (issue 13): session types a parent understands, workers' availability (one-off
 * and weekly, with exceptions, on the shared opening-hours model), bookings for named family members that the
 * database never lets overbook, waiting lists with timed offers, and discreet e-mails with calendar files.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Booking",
        allowedDependencies = {"security", "families", "content", "helpnow", "layout", "notification", "shared"})
package org.village.booking;
