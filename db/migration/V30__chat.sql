-- Chat (issue 11, decision 080). The database is the truth: every message is stored with its room's next
-- sequence number before anyone is told about it.
--
-- chat_room.last_seq is the room's counter: a shown message takes last_seq + 1 under the room's row lock, in
-- the same transaction as the message's row, so numbers have no gaps and no duplicates. A message held for a
-- moderator has no seq until it is approved (then it takes the next number), so what readers see of a room is
-- always 1..last_seq with nothing missing (a deleted message keeps its number and is shown as removed).
CREATE TABLE chat_room (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code              VARCHAR(60)   NOT NULL,
    name              VARCHAR(120)  NOT NULL,
    description       VARCHAR(500)  NOT NULL DEFAULT '',
    -- who may join: EVERYONE (parents, peer supporters, staff), PARENTS (parents and staff), STAFF
    audience          VARCHAR(12)   NOT NULL DEFAULT 'EVERYONE',
    area_code         VARCHAR(60)   NULL,
    -- the shared opening-hours model (helpnow.OpeningHoursParser): weekly lines and dated lines
    always_open       BOOLEAN       NOT NULL DEFAULT FALSE,
    hours_text        VARCHAR(2000) NOT NULL DEFAULT '',
    -- a worker opened it early until then, or closed it until then (the later change wins; one is NULL)
    opened_until      DATETIME(6)   NULL,
    closed_until      DATETIME(6)   NULL,
    read_only         BOOLEAN       NOT NULL DEFAULT FALSE,
    slow_mode_seconds INT           NOT NULL DEFAULT 0,
    hold_new_members  BOOLEAN       NOT NULL DEFAULT FALSE,
    sample            BOOLEAN       NOT NULL DEFAULT FALSE,
    position          INT           NOT NULL DEFAULT 0,
    last_seq          BIGINT        NOT NULL DEFAULT 0,
    version           INT           NOT NULL DEFAULT 0,
    created_at        DATETIME(6)   NOT NULL,
    CONSTRAINT chat_room_code UNIQUE (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE chat_message (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    room_id     BIGINT        NOT NULL,
    seq         BIGINT        NULL,
    client_id   VARCHAR(64)   NOT NULL,
    author_id   BIGINT        NOT NULL,
    author_name VARCHAR(100)  NOT NULL,
    -- what the writer typed (after control characters were refused), and what others see (masked words as ***)
    typed       TEXT          NOT NULL,
    body        TEXT          NOT NULL,
    -- SHOWN, HELD (waiting for a moderator), HIDDEN (auto-hidden after reports), DELETED
    status      VARCHAR(10)   NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    changed_at  DATETIME(6)   NULL,
    CONSTRAINT chat_message_room FOREIGN KEY (room_id) REFERENCES chat_room (id),
    CONSTRAINT chat_message_author FOREIGN KEY (author_id) REFERENCES user_account (id),
    CONSTRAINT chat_message_seq UNIQUE (room_id, seq),
    -- a retry with the same client id finds the first one
    CONSTRAINT chat_message_once UNIQUE (room_id, author_id, client_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX chat_message_by_author ON chat_message (author_id, created_at);
CREATE INDEX chat_message_waiting ON chat_message (room_id, status, id);

CREATE TABLE chat_member (
    room_id       BIGINT      NOT NULL,
    account_id    BIGINT      NOT NULL,
    muted_until   DATETIME(6) NULL,
    last_sent_at  DATETIME(6) NULL,
    removed       BOOLEAN     NOT NULL DEFAULT FALSE,
    last_read_seq BIGINT      NOT NULL DEFAULT 0,
    shown_count   INT         NOT NULL DEFAULT 0,
    joined_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (room_id, account_id),
    CONSTRAINT chat_member_room FOREIGN KEY (room_id) REFERENCES chat_room (id),
    CONSTRAINT chat_member_account FOREIGN KEY (account_id) REFERENCES user_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
