-- An account holds a set of roles (issue 9 item 5, decision 064): parent, peer supporter, family support worker,
-- admin. Every existing account keeps the one role it had. Runs unchanged on MySQL 8 and MariaDB.

CREATE TABLE account_role (
    account_id  BIGINT      NOT NULL,
    role        VARCHAR(20) NOT NULL,
    PRIMARY KEY (account_id, role),
    CONSTRAINT fk_account_role_account FOREIGN KEY (account_id) REFERENCES user_account (id) ON DELETE CASCADE,
    CONSTRAINT ck_account_role CHECK (role IN ('PARENT', 'PEER_SUPPORTER', 'WORKER', 'ADMIN'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO account_role (account_id, role) SELECT id, role FROM user_account;

-- The checks named the old column; "a parent account has a family" is now kept by the code that makes parent
-- accounts (only an invitation to a family makes one). DROP CONSTRAINT works on both MySQL 8.0.19+ and MariaDB.
ALTER TABLE user_account DROP CONSTRAINT ck_parent_has_family;
ALTER TABLE user_account DROP CONSTRAINT ck_user_role;
ALTER TABLE user_account DROP COLUMN role;
