-- Per-address sign-in throttle, shared by every node (it was kept in each node's memory before).
-- The address itself is never stored: only an HMAC-SHA256 of it under a key made for this installation.
-- Rows older than the window are cleared regularly.

CREATE TABLE sign_in_address (
    address_hash      CHAR(64)    NOT NULL PRIMARY KEY,
    window_started_at DATETIME(6) NOT NULL,
    failures          INT         NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX sign_in_address_window ON sign_in_address (window_started_at);

-- Keys made once per installation; the first node to start writes them (INSERT IGNORE), all nodes read them.
CREATE TABLE installation_key (
    name       VARCHAR(40) NOT NULL PRIMARY KEY,
    secret     CHAR(64)    NOT NULL,
    created_at DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
