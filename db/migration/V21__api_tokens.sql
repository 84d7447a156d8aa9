-- Tokens for clients other than the browser (a phone app; the chat's STOMP API and booking's API), issued by
-- POST /api/auth/token (decision 076). Only the SHA-256 of a token is stored. A token is good while it is not
-- revoked, not expired, its account is switched on and the account's security stamp is still the one it was
-- issued with: a new password, a suspension or "sign out everywhere" (all of which raise the stamp) revoke
-- every token of the account on every node at once, as they end its browser sessions (decision 035).
CREATE TABLE api_token (
    id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    token_hash      CHAR(64)    NOT NULL,
    account_id      BIGINT      NOT NULL,
    security_stamp  BIGINT      NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    expires_at      DATETIME(6) NOT NULL,
    revoked_at      DATETIME(6) NULL,
    CONSTRAINT api_token_hash UNIQUE (token_hash),
    CONSTRAINT api_token_account FOREIGN KEY (account_id) REFERENCES user_account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX api_token_expires ON api_token (expires_at);
