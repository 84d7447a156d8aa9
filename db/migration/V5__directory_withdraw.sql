-- Withdrawing services and removing team entries added by mistake (decision 022).
-- Runs unchanged on MySQL 8.4 and MariaDB 10.11+ (utf8mb4, InnoDB, DATETIME(6) in UTC).

-- A withdrawn service leaves the public directory, search and the ORUK API, but its row stays: children's
-- teams and the audit log still point at it, and an admin can put it back.
ALTER TABLE dir_service
    ADD COLUMN withdrawn_at      DATETIME(6)  NULL,
    ADD COLUMN withdrawn_by      VARCHAR(60)  NULL,
    ADD COLUMN withdrawn_reason  VARCHAR(300) NULL,
    ADD CONSTRAINT ck_dir_service_status CHECK (status IN ('active', 'withdrawn'));

-- A team entry a worker removes (added by mistake) is kept but never shown. live_service_id is the service
-- while the entry is on the team and NULL once removed, so the unique key still allows one live entry per
-- child and service, and the same service can be added again properly.
ALTER TABLE team_member
    ADD COLUMN removed_at       DATETIME(6) NULL,
    ADD COLUMN removed_by       VARCHAR(60) NULL,
    ADD COLUMN live_service_id  BIGINT GENERATED ALWAYS AS (CASE WHEN removed_at IS NULL THEN service_id END) STORED;

ALTER TABLE team_member ADD CONSTRAINT uk_team_child_live_service UNIQUE (child_id, live_service_id);
ALTER TABLE team_member DROP INDEX uk_team_child_service;

-- Timeline lines about an entry, so removing the entry can hide what it said ("joined the team") from the family.
ALTER TABLE team_event
    ADD COLUMN team_member_id  BIGINT  NULL,
    ADD COLUMN hidden          BOOLEAN NOT NULL DEFAULT FALSE,
    ADD INDEX ix_team_event_member (team_member_id),
    ADD CONSTRAINT fk_team_event_member FOREIGN KEY (team_member_id) REFERENCES team_member (id) ON DELETE SET NULL;
