-- In-portal notifications (issue 10 "Notifications", decision 070): one row per message to one account. The words are
-- a bundle key and its arguments, so each reader sees them in the language they chose; the link is a relative
-- address inside the portal (checked by the service). Runs unchanged on MySQL 8 and MariaDB.
CREATE TABLE notification (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_id  BIGINT        NOT NULL,
    kind        VARCHAR(40)   NOT NULL,
    text_key    VARCHAR(120)  NOT NULL,
    -- the arguments, separated by the unit separator U+001F (never typed by people)
    text_args   VARCHAR(1000) NOT NULL DEFAULT '',
    link        VARCHAR(300)  NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    read_at     DATETIME(6)   NULL,
    CONSTRAINT fk_notification_account FOREIGN KEY (account_id) REFERENCES user_account (id) ON DELETE CASCADE,
    -- the list (newest first) and the unread count read only one account's rows
    INDEX ix_notification_account_created (account_id, created_at, id),
    INDEX ix_notification_account_unread (account_id, read_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
