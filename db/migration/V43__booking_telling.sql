-- Booking (issue 13, helper booking4; decision 105): the family is told about a booking change through a row of the
-- booking module's own, written in the change's own transaction (an outbox), instead of a row in Spring Modulith's
-- event publication registry. After the commit a booking-news thread takes the row (DELETE, in the telling's own
-- transaction, together with the notices and the e-mail outbox rows it writes) and tells the family; a row still
-- here later (the portal stopped, the telling failed) is taken by the booking-tellings job. Nothing in it names a
-- person: ids, keys, and the calendar SEQUENCE each booking had when the change left it.
CREATE TABLE booking_telling (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    family_id    BIGINT        NOT NULL,
    -- the bookings the change was about and their SEQUENCE then, comma-separated in the same order
    booking_ids  VARCHAR(2000) NOT NULL,
    sequences    VARCHAR(2000) NOT NULL,
    cancelled    BOOLEAN       NOT NULL,
    -- the e-mail body key and the notice key and link (bundle keys and a portal path), each may be NULL
    mail_key     VARCHAR(80)   NULL,
    notice_key   VARCHAR(80)   NULL,
    notice_link  VARCHAR(200)  NULL,
    created_at   DATETIME(6)   NOT NULL,
    -- when the job may take it: a minute after the change (the after-commit telling has long done it by then), later
    -- after each failed try
    next_try_at  DATETIME(6)   NOT NULL,
    attempts     INT           NOT NULL DEFAULT 0,
    CONSTRAINT booking_telling_family FOREIGN KEY (family_id) REFERENCES family (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX booking_telling_due ON booking_telling (next_try_at, id);

-- Tellings the registry still held when this version came (the portal stopped before they ran) become rows here, and
-- the registry's rows for them go (their event class is gone, so the registry could no longer read them back).
INSERT INTO booking_telling (family_id, booking_ids, sequences, cancelled, mail_key, notice_key, notice_link, created_at,
                             next_try_at)
SELECT f.id,
       REPLACE(REPLACE(REPLACE(JSON_EXTRACT(e.SERIALIZED_EVENT, '$.bookingIds'), '[', ''), ']', ''), ' ', ''),
       REPLACE(REPLACE(REPLACE(JSON_EXTRACT(e.SERIALIZED_EVENT, '$.sequences'), '[', ''), ']', ''), ' ', ''),
       -- JSON_VALUE gives MariaDB's true as '1', the unquoted text is 'true' on MariaDB and MySQL alike
       JSON_UNQUOTE(JSON_EXTRACT(e.SERIALIZED_EVENT, '$.cancelled')) IN ('true', '1'),
       JSON_VALUE(e.SERIALIZED_EVENT, '$.mailKey'),
       JSON_VALUE(e.SERIALIZED_EVENT, '$.noticeKey'),
       JSON_VALUE(e.SERIALIZED_EVENT, '$.noticeLink'),
       e.PUBLICATION_DATE,
       e.PUBLICATION_DATE
FROM EVENT_PUBLICATION e
JOIN family f ON f.id = JSON_VALUE(e.SERIALIZED_EVENT, '$.familyId')
WHERE e.EVENT_TYPE = 'org.village.booking.FamilyToBeTold' AND e.COMPLETION_DATE IS NULL;

DELETE FROM EVENT_PUBLICATION WHERE EVENT_TYPE = 'org.village.booking.FamilyToBeTold';
