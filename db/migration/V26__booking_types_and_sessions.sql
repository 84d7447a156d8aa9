-- Booking (issue 13), the part both halves share: what kinds of session there are and the sessions (slots) workers
-- offer. Bookings, the waiting list and offers come in a later migration. Times are stored in UTC; they are shown
-- and entered in Europe/London (a wall-clock time in the missing spring hour is refused before it gets here).
-- places_taken is the number of places held by bookings that count (booked, requested, offered); a booking takes
-- a place with one conditional update: UPDATE booking_session SET places_taken = places_taken + :n
-- WHERE id = :id AND status = 'OPEN' AND places_taken + :n <= capacity, so the database never overbooks.
CREATE TABLE booking_type (
    id                     BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code                   VARCHAR(60)   NOT NULL,
    name                   VARCHAR(120)  NOT NULL,
    -- what happens, in plain words a parent understands (Markdown through content's guide policy)
    description            VARCHAR(4000) NOT NULL,
    duration_minutes       INT           NOT NULL,
    -- places per session: 1 family, or N families for a group
    capacity               INT           NOT NULL,
    -- who may come: any of PARENTS, SIBLINGS, YOUNG_PERSON, comma separated
    attendees              VARCHAR(60)   NOT NULL,
    -- ADDRESS, VIDEO or PHONE; place_detail is the address, or how the call works (the video link is per session)
    place_kind             VARCHAR(10)   NOT NULL,
    place_detail           VARCHAR(400)  NOT NULL DEFAULT '',
    confirm_required       BOOLEAN       NOT NULL DEFAULT FALSE,
    min_notice_minutes     INT           NOT NULL DEFAULT 0,
    cancel_cutoff_minutes  INT           NOT NULL DEFAULT 0,
    -- a course of N weekly sessions booked as one (1 for everything else)
    series_length          INT           NOT NULL DEFAULT 1,
    active                 BOOLEAN       NOT NULL DEFAULT TRUE,
    sort_order             INT           NOT NULL DEFAULT 0,
    created_at             DATETIME(6)   NOT NULL,
    CONSTRAINT booking_type_code UNIQUE (code),
    CONSTRAINT booking_type_capacity CHECK (capacity >= 1),
    CONSTRAINT booking_type_duration CHECK (duration_minutes BETWEEN 5 AND 1440)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE booking_session (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    type_id       BIGINT        NOT NULL,
    -- the worker who runs it (a staff account)
    worker_id     BIGINT        NOT NULL,
    starts_at     DATETIME(6)   NOT NULL,
    ends_at       DATETIME(6)   NOT NULL,
    capacity      INT           NOT NULL,
    places_taken  INT           NOT NULL DEFAULT 0,
    -- OPEN or CANCELLED
    status        VARCHAR(12)   NOT NULL DEFAULT 'OPEN',
    -- the sessions of one course share a series id (the id of its first session); null for a single session
    series_id     BIGINT        NULL,
    -- video sessions: the link, sent only to those booked
    video_link    VARCHAR(400)  NULL,
    -- the weekly availability rule it was made from, if any (owned by the availability half)
    rule_id       BIGINT        NULL,
    version       INT           NOT NULL DEFAULT 0,
    created_at    DATETIME(6)   NOT NULL,
    CONSTRAINT booking_session_type FOREIGN KEY (type_id) REFERENCES booking_type (id),
    CONSTRAINT booking_session_worker FOREIGN KEY (worker_id) REFERENCES user_account (id),
    CONSTRAINT booking_session_places CHECK (places_taken >= 0 AND places_taken <= capacity),
    CONSTRAINT booking_session_times CHECK (ends_at > starts_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the list parents browse (open sessions by time) and the worker's calendar and overlap check
CREATE INDEX booking_session_when ON booking_session (status, starts_at, id);
CREATE INDEX booking_session_worker_when ON booking_session (worker_id, starts_at, ends_at);
