-- 1. Ending sessions on every node: each account carries a security stamp. Switching the account off or on,
--    changing its role or its password adds one to it; every request and every service call compares the
--    stamp the session was signed in with against this column (one primary-key read), so a session from
--    before the change ends at its next click, whichever node holds it.
ALTER TABLE user_account ADD COLUMN security_stamp BIGINT NOT NULL DEFAULT 0;

-- 2. Sign-in throttling per (typed name, address) instead of locking the account for everyone: someone
--    guessing a parent's password slows down only their own attempts from their own address, and an unknown
--    name is treated exactly like a real one (no name discovery). Both are stored only as HMACs under the
--    installation key. A row is forgotten after an hour without attempts or after a successful sign-in.
CREATE TABLE sign_in_pair (
    name_hash          CHAR(64)    NOT NULL,
    address_hash       CHAR(64)    NOT NULL,
    failures           INT         NOT NULL,
    last_attempt_at    DATETIME(6) NOT NULL,
    wait_until         DATETIME(6) NULL,
    last_attempt_let_through BOOLEAN NOT NULL DEFAULT TRUE,
    PRIMARY KEY (name_hash, address_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX sign_in_pair_last_attempt ON sign_in_pair (last_attempt_at);

-- The account-wide lock (5 wrong passwords from anywhere paused the account for everyone) is gone.
ALTER TABLE user_account DROP COLUMN failed_attempts;
ALTER TABLE user_account DROP COLUMN locked_until;
