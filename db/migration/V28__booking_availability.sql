-- Booking availability (issue 13, helper B2): workers' weekly recurring availability with dated exceptions, on the
-- shared opening-hours model (a rule is one weekly row: days and a start time; the session type gives the length),
-- a lock row per worker so that two slots of one worker never overlap, and workers' private notes on a session.
-- Wall-clock times are Europe/London; generated sessions store UTC (booking_session, V26).

-- one row per worker who offers sessions: the slot code locks it (SELECT ... FOR UPDATE) before checking for
-- overlaps and inserting, so two requests for the same worker are serialised by the database (decision 093)
CREATE TABLE booking_worker (
    worker_id      BIGINT       NOT NULL PRIMARY KEY,
    created_at     DATETIME(6)  NOT NULL,
    CONSTRAINT booking_worker_account FOREIGN KEY (worker_id) REFERENCES user_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE booking_rule (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    worker_id       BIGINT       NOT NULL,
    type_id         BIGINT       NOT NULL,
    -- MON,TUE,... (the opening-hours model's days)
    days            VARCHAR(40)  NOT NULL,
    -- the wall-clock start in Europe/London
    starts_local    TIME         NOT NULL,
    first_day       DATE         NOT NULL,
    -- null: until the worker stops it
    last_day        DATE         NULL,
    -- sessions exist up to and including this date (the daily job tops up to the horizon)
    generated_until DATE         NULL,
    video_link      VARCHAR(400) NULL,
    active          BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT booking_rule_worker FOREIGN KEY (worker_id) REFERENCES booking_worker (worker_id),
    CONSTRAINT booking_rule_type FOREIGN KEY (type_id) REFERENCES booking_type (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX booking_rule_worker_idx ON booking_rule (worker_id, active);

-- a date a rule makes no session (a holiday, a cancelled week): the opening-hours model's closed dated entry
CREATE TABLE booking_rule_exception (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    rule_id     BIGINT       NOT NULL,
    on_day      DATE         NOT NULL,
    note        VARCHAR(200) NOT NULL DEFAULT '',
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT booking_rule_exception_rule FOREIGN KEY (rule_id) REFERENCES booking_rule (id),
    CONSTRAINT booking_rule_exception_once UNIQUE (rule_id, on_day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- a worker's private notes on a session: never shown to parents, never sent anywhere
CREATE TABLE booking_session_note (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    session_id  BIGINT        NOT NULL,
    worker_id   BIGINT        NOT NULL,
    body        VARCHAR(4000) NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    CONSTRAINT booking_session_note_session FOREIGN KEY (session_id) REFERENCES booking_session (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX booking_session_note_session_idx ON booking_session_note (session_id, id);

-- the five kinds of session every installation offers (workers change the words and settings on the session types
-- page); production needs them as much as the demo does, so they come with the schema (decision 094)
INSERT INTO booking_type (code, name, description, duration_minutes, capacity, attendees, place_kind, place_detail,
                          confirm_required, min_notice_minutes, cancel_cutoff_minutes, series_length, sort_order, created_at)
VALUES
('family-counselling', 'Family counselling',
 'The whole family meets a counsellor together. You talk about what has been happening and how it feels at home. The counsellor helps everyone listen to each other. You do not need to prepare anything.',
 60, 1, 'PARENTS,SIBLINGS,YOUNG_PERSON', 'ADDRESS', 'Village family room, 12 High Street. There is a lift and a quiet waiting room.',
 TRUE, 1440, 1440, 1, 10, CURRENT_TIMESTAMP(6)),
('sibling-group', 'Sibling support group',
 'A friendly group for brothers and sisters. They meet other children in the same situation, do activities and talk if they want to. A worker stays with them the whole time.',
 90, 8, 'SIBLINGS', 'ADDRESS', 'Village family room, 12 High Street.',
 FALSE, 120, 240, 1, 20, CURRENT_TIMESTAMP(6)),
('parenting-course', 'Parenting course',
 'A short course for parents and carers, one evening a week. You book all the weeks at once. Each week has a topic, like staying calm, keeping your child safe online, and looking after yourself.',
 120, 10, 'PARENTS', 'VIDEO', 'A video call. We send the link only to the people booked.',
 FALSE, 1440, 1440, 4, 30, CURRENT_TIMESTAMP(6)),
('parent-support', 'One-to-one parent support',
 'Time just for you with a family support worker. You can talk about anything that worries you, and plan the next steps together.',
 45, 1, 'PARENTS', 'PHONE', 'We ring you on the number you give us.',
 FALSE, 60, 120, 1, 40, CURRENT_TIMESTAMP(6)),
('family-therapy', 'Family therapy',
 'Longer-term support for the whole family with a family therapist. You can book again as often as you need. There is no limit on the number of sessions.',
 60, 1, 'PARENTS,SIBLINGS,YOUNG_PERSON', 'ADDRESS', 'Village family room, 12 High Street.',
 TRUE, 1440, 1440, 1, 50, CURRENT_TIMESTAMP(6));
