-- The moderation queue (issue 10, decisions 039 and 046): cases, members' reports, staff notes and sanctions.
-- A case is one thing waiting for moderators about one subject (a forum post, later a chat message) for one
-- reason (kind). open_flag is 1 while the case is OPEN and NULL once closed, so the unique key allows exactly one
-- OPEN case per subject and kind (NULLs never clash) and raising twice, on any node, finds the first case.
-- version guards decisions: a moderator acts "from the version I saw", and the loser is told kindly.
CREATE TABLE moderation_case (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    subject_kind  VARCHAR(20)  NOT NULL,
    subject_id    BIGINT       NOT NULL,
    author_id     BIGINT       NOT NULL,
    kind          VARCHAR(10)  NOT NULL,
    status        VARCHAR(8)   NOT NULL DEFAULT 'OPEN',
    -- for moderators only (which filter, which words); never shown to other members
    reason        VARCHAR(500) NULL,
    risk          VARCHAR(20)  NULL,
    opened_at     DATETIME(6)  NOT NULL,
    closed_at     DATETIME(6)  NULL,
    closed_by     BIGINT       NULL,
    -- what was decided: APPROVE, EDIT, HIDE, DELETE, DISMISS, or the owner's word when settled elsewhere
    outcome       VARCHAR(40)  NULL,
    version       INT          NOT NULL DEFAULT 0,
    open_flag     TINYINT AS (CASE WHEN status = 'OPEN' THEN 1 END) PERSISTENT,
    CONSTRAINT moderation_case_one_open UNIQUE (subject_kind, subject_id, kind, open_flag),
    CONSTRAINT ck_moderation_case_kind CHECK (kind IN ('URGENT', 'REPORTED', 'HELD', 'PENDING')),
    CONSTRAINT ck_moderation_case_status CHECK (status IN ('OPEN', 'CLOSED')),
    CONSTRAINT moderation_case_author FOREIGN KEY (author_id) REFERENCES user_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX moderation_case_queue ON moderation_case (status, kind, opened_at, id);
CREATE INDEX moderation_case_subject ON moderation_case (subject_kind, subject_id);
CREATE INDEX moderation_case_by_author ON moderation_case (author_id, opened_at);

-- One report per member per item (the unique key; a second one is told kindly). The reporter is never shown to
-- the author. told_at is set when the reporter was told what moderators decided.
CREATE TABLE moderation_report (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id       BIGINT        NOT NULL,
    subject_kind  VARCHAR(20)   NOT NULL,
    subject_id    BIGINT        NOT NULL,
    reporter_id   BIGINT        NOT NULL,
    reason        VARCHAR(20)   NOT NULL,
    text          VARCHAR(1000) NULL,
    created_at    DATETIME(6)   NOT NULL,
    told_at       DATETIME(6)   NULL,
    CONSTRAINT moderation_report_once UNIQUE (subject_kind, subject_id, reporter_id),
    CONSTRAINT moderation_report_case FOREIGN KEY (case_id) REFERENCES moderation_case (id),
    CONSTRAINT moderation_report_reporter FOREIGN KEY (reporter_id) REFERENCES user_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX moderation_report_by_case ON moderation_report (case_id);

-- Staff notes about an account (subject_kind NULL) or about an item. Never shown to members. Never deleted.
CREATE TABLE moderation_note (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id    BIGINT        NOT NULL,
    subject_kind  VARCHAR(20)   NULL,
    subject_id    BIGINT        NULL,
    body          VARCHAR(2000) NOT NULL,
    written_by    BIGINT        NOT NULL,
    written_by_name VARCHAR(100) NOT NULL,
    written_at    DATETIME(6)   NOT NULL,
    CONSTRAINT moderation_note_account FOREIGN KEY (account_id) REFERENCES user_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX moderation_note_by_account ON moderation_note (account_id, written_at);

-- Warnings, silences and suspensions. until is NULL for a warning and for switching an account off (the last
-- step of the suspension ladder); step is the suspension's place on the ladder (1, 2, 3...).
CREATE TABLE moderation_sanction (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id    BIGINT        NOT NULL,
    kind          VARCHAR(10)   NOT NULL,
    until         DATETIME(6)   NULL,
    reason        VARCHAR(500)  NOT NULL,
    given_by      BIGINT        NOT NULL,
    given_at      DATETIME(6)   NOT NULL,
    step          INT           NOT NULL DEFAULT 0,
    case_id       BIGINT        NULL,
    -- each ladder step is taken once per account: two moderators suspending at once cannot both take step 2
    ladder_step   INT AS (CASE WHEN step > 0 THEN step END) PERSISTENT,
    CONSTRAINT moderation_sanction_step_once UNIQUE (account_id, ladder_step),
    CONSTRAINT ck_moderation_sanction_kind CHECK (kind IN ('WARN', 'SILENCE', 'SUSPEND', 'SWITCH_OFF')),
    CONSTRAINT moderation_sanction_account FOREIGN KEY (account_id) REFERENCES user_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX moderation_sanction_by_account ON moderation_sanction (account_id, kind, until);

-- Forum parts moderators need: pinned topics come first in a category's list; a moderator's edit keeps the note
-- saying why with the earlier version.
ALTER TABLE forum_topic ADD COLUMN pinned BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE forum_post_revision ADD COLUMN note VARCHAR(500) NULL;
