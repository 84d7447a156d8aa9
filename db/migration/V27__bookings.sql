-- Booking (issue 13), the bookings half: a family's booking of a session, who comes, the waiting list and timed
-- offers, and the reminder marker. Decision 090 says how the database keeps the three rules:
--   never more than capacity: a place is taken with one conditional update on booking_session.places_taken (V26);
--   never the same family twice in a session: booking_active_family, unique on (active_session_id, family_id), where
--     active_session_id is the session while the booking is live and NULL once it has ended (NULLs never clash);
--   never a person in two overlapping sessions: every path that gives a person a place first locks the family's
--     booking_family row (a person belongs to one family), then checks for an overlap, then writes.
CREATE TABLE booking_family (
    family_id     BIGINT       NOT NULL PRIMARY KEY,
    -- the family's own words for e-mail subjects and calendar titles; NULL: the discreet "Meeting with <first name>"
    own_wording   VARCHAR(60)  NULL,
    -- raised by every booking change of this family: the row is the family's lock (INSERT ... ON DUPLICATE KEY UPDATE)
    version       BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT booking_family_family FOREIGN KEY (family_id) REFERENCES family (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE booking (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    session_id        BIGINT        NOT NULL,
    family_id         BIGINT        NOT NULL,
    -- BOOKED, REQUESTED (a worker must confirm), WAITING, OFFERED (a freed place held for a time), ATTENDED,
    -- CANCELLED, DECLINED (a request or an offer said no to), EXPIRED (an offer not taken in time)
    status            VARCHAR(12)   NOT NULL,
    -- places it holds while BOOKED, REQUESTED, OFFERED or ATTENDED (one family: one place)
    places            INT           NOT NULL DEFAULT 1,
    note              VARCHAR(1000) NULL,
    -- a retry with the same key (double click, resent form, the app's retry) gets the first answer back
    idempotency_key   VARCHAR(80)   NULL,
    booked_by         BIGINT        NULL,
    -- a course booked as one: every booking of it carries the id of its first booking
    group_id          BIGINT        NULL,
    -- iCalendar SEQUENCE: raised on every change the family's calendar should hear about
    sequence          INT           NOT NULL DEFAULT 0,
    version           BIGINT        NOT NULL DEFAULT 0,
    waiting_since     DATETIME(6)   NULL,
    offer_expires_at  DATETIME(6)   NULL,
    reminder_sent_at  DATETIME(6)   NULL,
    created_at        DATETIME(6)   NOT NULL,
    updated_at        DATETIME(6)   NOT NULL,
    active_session_id BIGINT AS (CASE WHEN status IN ('BOOKED', 'REQUESTED', 'WAITING', 'OFFERED', 'ATTENDED')
                                     THEN session_id END) STORED,
    CONSTRAINT booking_session_fk FOREIGN KEY (session_id) REFERENCES booking_session (id),
    CONSTRAINT booking_family_fk FOREIGN KEY (family_id) REFERENCES family (id) ON DELETE CASCADE,
    CONSTRAINT booking_by_fk FOREIGN KEY (booked_by) REFERENCES user_account (id) ON DELETE SET NULL,
    CONSTRAINT booking_active_family UNIQUE (active_session_id, family_id),
    CONSTRAINT booking_idempotency UNIQUE (family_id, idempotency_key),
    CONSTRAINT booking_places CHECK (places >= 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the waiting list of a session in order, and who holds places in it
CREATE INDEX booking_session_status ON booking (session_id, status, waiting_since, id);
-- offers whose time has run out
CREATE INDEX booking_offer_expiry ON booking (status, offer_expires_at);
-- my family's bookings
CREATE INDEX booking_family_when ON booking (family_id, created_at);

-- who comes: a parent or carer's account ('account:<id>') or a child from the family record ('child:<id>')
CREATE TABLE booking_member (
    booking_id  BIGINT       NOT NULL,
    person      VARCHAR(30)  NOT NULL,
    -- the name as it was when booked (a first name or nickname), so the worker running it sees who comes
    name        VARCHAR(60)  NOT NULL,
    PRIMARY KEY (booking_id, person),
    CONSTRAINT booking_member_booking FOREIGN KEY (booking_id) REFERENCES booking (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX booking_member_person ON booking_member (person, booking_id);

-- ShedLock (decision 091): one node at a time runs each scheduled booking job
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    locked_by  VARCHAR(255) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
