-- Duty rota and urgent alerts (issue 10, decisions 044 and 047).
-- Each worker on the rota has one row: their hours in the one opening-hours model (decision 058), kept as the text
-- OpeningHoursParser reads (weekly lines and dated exceptions), or always on; position orders who is asked first.
-- Overlaps between people are allowed (two on duty at once is good); a person has at most one row.
CREATE TABLE duty_rota_entry (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id  BIGINT        NOT NULL,
    position    INT           NOT NULL,
    always_on   BOOLEAN       NOT NULL DEFAULT FALSE,
    hours       VARCHAR(4000) NOT NULL DEFAULT '',
    changed_at  DATETIME(6)   NOT NULL,
    CONSTRAINT uq_duty_rota_account UNIQUE (account_id),
    CONSTRAINT fk_duty_rota_account FOREIGN KEY (account_id) REFERENCES user_account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Settings workers edit: the out-of-hours contact's e-mail address. One row, name 'out-of-hours'.
CREATE TABLE duty_setting (
    name        VARCHAR(40)  NOT NULL PRIMARY KEY,
    value       VARCHAR(254) NOT NULL,
    changed_at  DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One alert per urgent case (unique: the event delivered twice records one alert). level counts escalations (0: the
-- first person on duty); due_at is when the next escalation is due while nobody has acknowledged (NULL: nothing more
-- to do). Escalation is a conditional update on (id, level, acknowledged_at IS NULL): two nodes never both escalate.
-- ack_millis keeps the time from the post to the acknowledgement.
CREATE TABLE urgent_alert (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    case_id          BIGINT       NOT NULL,
    subject_kind     VARCHAR(40)  NOT NULL,
    subject_id       BIGINT       NOT NULL,
    risk             VARCHAR(20)  NOT NULL,
    raised_at        DATETIME(6)  NOT NULL,
    recorded_at      DATETIME(6)  NOT NULL,
    staffed          BOOLEAN      NOT NULL,
    level            INT          NOT NULL DEFAULT 0,
    due_at           DATETIME(6)  NULL,
    escalated_at     DATETIME(6)  NULL,
    out_of_hours_at  DATETIME(6)  NULL,
    acknowledged_at  DATETIME(6)  NULL,
    acknowledged_by  BIGINT       NULL,
    ack_millis       BIGINT       NULL,
    CONSTRAINT uq_urgent_alert_case UNIQUE (case_id),
    CONSTRAINT ck_urgent_alert_risk CHECK (risk IN ('DANGER_NOW', 'CHILD_MISSING', 'SELF_HARM', 'THREAT')),
    INDEX ix_urgent_alert_due (acknowledged_at, due_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who was alerted for each alert, at which level (the first person, then each escalation).
CREATE TABLE urgent_alert_recipient (
    alert_id    BIGINT      NOT NULL,
    account_id  BIGINT      NOT NULL,
    level       INT         NOT NULL,
    alerted_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (alert_id, account_id),
    INDEX ix_urgent_alert_recipient_account (account_id),
    CONSTRAINT fk_urgent_alert_recipient_alert FOREIGN KEY (alert_id) REFERENCES urgent_alert (id) ON DELETE CASCADE,
    CONSTRAINT fk_urgent_alert_recipient_account FOREIGN KEY (account_id) REFERENCES user_account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
