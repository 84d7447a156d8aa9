-- Booking polish (issue 13, helper P13; decision 096).
-- The event publication registry marks a listener's work done with
--   UPDATE EVENT_PUBLICATION SET COMPLETION_DATE = ? WHERE LISTENER_ID = ? AND COMPLETION_DATE IS NULL AND SERIALIZED_EVENT = ?
-- With only the COMPLETION_DATE index that statement read (and, under REPEATABLE READ, locked) every publication not
-- yet done, so under a rush of bookings each completion held up the inserts of new ones. Prefixes keep the key short
-- enough for utf8mb4; the statement still compares the whole values.
CREATE INDEX EVENT_PUBLICATION_BY_LISTENER_EVENT ON EVENT_PUBLICATION (LISTENER_ID(200), SERIALIZED_EVENT(300));

-- the month's list for one kind of session: by type, then the same order as booking_session_when
CREATE INDEX booking_session_type_when ON booking_session (type_id, status, starts_at, id);
