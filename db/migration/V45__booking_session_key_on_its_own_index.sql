-- Booking (issue 13, helper booking8; decision 114): the foreign key from a booking to its session gets an index of
-- its own, on session_id alone.
--
-- InnoDB checks a foreign key whenever it writes an entry of the index the key uses, and takes a shared lock on the
-- parent row for it. The key used the waiting line's index (session_id, status, waiting_since, id), whose entry is
-- rewritten on every change of a booking's status, so every cancellation, offer, taken offer and ended offer took a
-- shared lock on the session's row: a cancellation then asked for the exclusive lock to give its place back (a lock
-- upgrade; two cancellations of one session at once deadlocked, 7-15 times per contended run), and taking an offer
-- waited behind every booking of the session. On (session_id) alone, which a status change never rewrites, only a
-- new booking checks the key (as it must); the waiting line keeps its index.
ALTER TABLE booking DROP FOREIGN KEY booking_session_fk;

ALTER TABLE booking
    DROP INDEX booking_session_status,
    ADD INDEX booking_session_key (session_id),
    ADD INDEX booking_session_status (session_id, status, waiting_since, id),
    ADD CONSTRAINT booking_session_fk FOREIGN KEY (session_id) REFERENCES booking_session (id);
