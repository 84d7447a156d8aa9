-- Foundation: families, accounts, invitations, password resets and the audit log.
-- Runs unchanged on MySQL 8.4 and MariaDB 10.11+ (utf8mb4, InnoDB, DATETIME(6) in UTC).

CREATE TABLE family (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    label       VARCHAR(80)  NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_family_label UNIQUE (label)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Data minimisation: a first name or nickname and an age band, nothing else.
CREATE TABLE child (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    family_id  BIGINT      NOT NULL,
    name       VARCHAR(40) NOT NULL,
    age_band   VARCHAR(20) NOT NULL,
    CONSTRAINT fk_child_family FOREIGN KEY (family_id) REFERENCES family (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE user_account (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    username         VARCHAR(60)  NOT NULL,
    display_name     VARCHAR(40)  NOT NULL,
    password_hash    VARCHAR(200) NOT NULL,
    role             VARCHAR(20)  NOT NULL,
    family_id        BIGINT       NULL,
    enabled          BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_attempts  INT          NOT NULL DEFAULT 0,
    locked_until     DATETIME(6)  NULL,
    created_at       DATETIME(6)  NOT NULL,
    last_sign_in_at  DATETIME(6)  NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    -- the collation is case-insensitive, so "Sam" and "sam" are the same name
    CONSTRAINT uk_user_username UNIQUE (username),
    CONSTRAINT uk_user_display_name UNIQUE (display_name),
    CONSTRAINT fk_user_family FOREIGN KEY (family_id) REFERENCES family (id),
    CONSTRAINT ck_user_role CHECK (role IN ('PARENT', 'WORKER', 'ADMIN')),
    CONSTRAINT ck_parent_has_family CHECK (role <> 'PARENT' OR family_id IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Which family support workers look after which families.
CREATE TABLE family_worker (
    family_id  BIGINT NOT NULL,
    worker_id  BIGINT NOT NULL,
    PRIMARY KEY (family_id, worker_id),
    CONSTRAINT fk_fw_family FOREIGN KEY (family_id) REFERENCES family (id) ON DELETE CASCADE,
    CONSTRAINT fk_fw_worker FOREIGN KEY (worker_id) REFERENCES user_account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Single-use invitations: only a hash of the code is stored; "used" is set by a conditional update.
CREATE TABLE invitation (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    code_hash   CHAR(64)    NOT NULL,
    family_id   BIGINT      NOT NULL,
    created_by  BIGINT      NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    expires_at  DATETIME(6) NOT NULL,
    used_at     DATETIME(6) NULL,
    used_by     BIGINT      NULL,
    CONSTRAINT uk_invitation_code UNIQUE (code_hash),
    CONSTRAINT fk_invitation_family FOREIGN KEY (family_id) REFERENCES family (id) ON DELETE CASCADE,
    CONSTRAINT fk_invitation_creator FOREIGN KEY (created_by) REFERENCES user_account (id),
    CONSTRAINT fk_invitation_user FOREIGN KEY (used_by) REFERENCES user_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE password_reset (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    token_hash  CHAR(64)    NOT NULL,
    user_id     BIGINT      NOT NULL,
    created_by  BIGINT      NULL,
    created_at  DATETIME(6) NOT NULL,
    expires_at  DATETIME(6) NOT NULL,
    used_at     DATETIME(6) NULL,
    CONSTRAINT uk_reset_token UNIQUE (token_hash),
    CONSTRAINT fk_reset_user FOREIGN KEY (user_id) REFERENCES user_account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Append-only: the triggers below refuse any change or removal, whoever asks.
CREATE TABLE audit_log (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    at        DATETIME(6)  NOT NULL,
    actor_id  BIGINT       NULL,
    actor     VARCHAR(60)  NOT NULL,
    action    VARCHAR(40)  NOT NULL,
    target    VARCHAR(120) NULL,
    detail    VARCHAR(500) NULL,
    INDEX ix_audit_at (at),
    INDEX ix_audit_action_at (action, at),
    INDEX ix_audit_actor_at (actor_id, at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'The audit log is append-only';

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'The audit log is append-only';

-- First-run setup code for the production admin (hash only); removed once used.
CREATE TABLE setup_code (
    id          INT PRIMARY KEY,
    code_hash   CHAR(64)    NOT NULL,
    created_at  DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
