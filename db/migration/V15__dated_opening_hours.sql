-- Dated exceptions to weekly opening hours (decision 058): a closure on a date (a bank holiday, a training
-- day) or extra hours on a date. opens/closes are NULL for a closure; a closing time at or before the
-- opening time runs past midnight.
CREATE TABLE help_contact_dated_hours (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    contact_id  BIGINT       NOT NULL,
    on_date     DATE         NOT NULL,
    closed      BOOLEAN      NOT NULL,
    opens       TIME         NULL,
    closes      TIME         NULL,
    note        VARCHAR(120) NOT NULL DEFAULT '',
    INDEX ix_help_dated_contact (contact_id),
    CONSTRAINT fk_help_dated_contact FOREIGN KEY (contact_id) REFERENCES help_contact (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE dir_service_dated_hours (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    service_id  BIGINT       NOT NULL,
    on_date     DATE         NOT NULL,
    closed      BOOLEAN      NOT NULL,
    opens       TIME         NULL,
    closes      TIME         NULL,
    note        VARCHAR(120) NOT NULL DEFAULT '',
    INDEX ix_dir_dated_service (service_id, on_date),
    CONSTRAINT fk_dir_dated_service FOREIGN KEY (service_id) REFERENCES dir_service (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
