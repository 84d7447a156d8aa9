-- E-mail for notifications (decision 070): optional per person and off by default; the address is kept only for
-- this. The outbox holds each e-mail to send (words as a bundle key and arguments, rendered in the recipient's
-- language when sent) so the event in EVENT_PUBLICATION carries only an id; sent_at makes a second delivery of the
-- same event (a retry after a send that worked) a no-op. Runs unchanged on MySQL 8 and MariaDB.
CREATE TABLE notification_setting (
    account_id     BIGINT       NOT NULL PRIMARY KEY,
    email_on       BOOLEAN      NOT NULL DEFAULT FALSE,
    email_address  VARCHAR(254) NULL,
    updated_at     DATETIME(6)  NOT NULL,
    CONSTRAINT fk_notification_setting_account FOREIGN KEY (account_id) REFERENCES user_account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE notification_email (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id       BIGINT        NOT NULL,
    -- a subject chosen for this e-mail (for example a family's own wording); NULL: the partnership's discreet one
    subject          VARCHAR(200)  NULL,
    body_key         VARCHAR(120)  NOT NULL,
    body_args        VARCHAR(1000) NOT NULL DEFAULT '',
    link             VARCHAR(300)  NOT NULL,
    attachment_name  VARCHAR(100)  NULL,
    attachment_type  VARCHAR(100)  NULL,
    attachment       MEDIUMBLOB    NULL,
    created_at       DATETIME(6)   NOT NULL,
    sent_at          DATETIME(6)   NULL,
    CONSTRAINT fk_notification_email_account FOREIGN KEY (account_id) REFERENCES user_account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
