package org.village.booking.ui;

import com.vaadin.flow.component.html.Div;
import java.util.function.Consumer;
import org.village.booking.Availability.Slot;

/** Who is booked into a worker's session and what the worker can do about it (B1's Bookings service). */
@org.springframework.stereotype.Component
class CalendarBookings {

    com.vaadin.flow.component.Component who(Slot s, Consumer<String> changed) {
        return new Div();
    }

    com.vaadin.flow.component.Component bookFamily(Slot s, Consumer<String> changed) {
        return new Div();
    }

    com.vaadin.flow.component.Component cancelSession(Slot s, Consumer<String> changed) {
        return new Div();
    }
}
