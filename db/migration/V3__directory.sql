-- Services: the public directory (Open Referral UK shaped), each child's team and the "tell it once" profile.
-- Runs unchanged on MySQL 8.4 and MariaDB 10.11+ (utf8mb4, InnoDB, DATETIME(6) in UTC).

CREATE TABLE dir_area (
    id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    code     VARCHAR(40)  NOT NULL,
    name     VARCHAR(80)  NOT NULL,
    -- [[lat, lng], ...] as JSON text: only ever drawn on the map, never queried
    polygon  TEXT         NOT NULL,
    CONSTRAINT uk_dir_area_code UNIQUE (code),
    CONSTRAINT uk_dir_area_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Postcode districts (BS5) an area covers: the "postcode" filter joins through here.
CREATE TABLE dir_area_district (
    area_id   BIGINT     NOT NULL,
    district  VARCHAR(4) NOT NULL,
    PRIMARY KEY (area_id, district),
    INDEX ix_dir_area_district (district),
    CONSTRAINT fk_dir_district_area FOREIGN KEY (area_id) REFERENCES dir_area (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE dir_taxonomy_term (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    uuid         CHAR(36)     NOT NULL,
    code         VARCHAR(60)  NOT NULL,
    name         VARCHAR(120) NOT NULL,
    description  VARCHAR(500) NOT NULL,
    CONSTRAINT uk_dir_term_uuid UNIQUE (uuid),
    CONSTRAINT uk_dir_term_code UNIQUE (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE dir_service (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    uuid              CHAR(36)     NOT NULL,
    slug              VARCHAR(80)  NOT NULL,
    name              VARCHAR(120) NOT NULL,
    organization      VARCHAR(120) NOT NULL,
    organization_url  VARCHAR(300) NULL,
    what_they_do      TEXT         NOT NULL,
    what_they_dont    TEXT         NULL,
    for_who           VARCHAR(500) NOT NULL,
    min_age           INT          NULL,
    max_age           INT          NULL,
    exploitation      VARCHAR(4)   NOT NULL,
    audiences         VARCHAR(200) NOT NULL,
    referral          VARCHAR(12)  NOT NULL,
    referral_how      TEXT         NULL,
    how_they_contact  TEXT         NULL,
    always_open       BOOLEAN      NOT NULL DEFAULT FALSE,
    out_of_hours      BOOLEAN      NOT NULL DEFAULT FALSE,
    languages         VARCHAR(200) NOT NULL,
    cost              VARCHAR(200) NULL,
    phone             VARCHAR(40)  NULL,
    email             VARCHAR(120) NULL,
    url               VARCHAR(300) NULL,
    address_line1     VARCHAR(200) NULL,
    city              VARCHAR(80)  NULL,
    postcode          VARCHAR(10)  NULL,
    lat               DECIMAL(9, 6) NULL,
    lng               DECIMAL(9, 6) NULL,
    comes_to_you      BOOLEAN      NOT NULL DEFAULT FALSE,
    last_checked      DATE         NULL,
    sample            BOOLEAN      NOT NULL DEFAULT FALSE,
    status            VARCHAR(20)  NOT NULL DEFAULT 'active',
    updated_at        DATETIME(6)  NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    -- the collation is case-insensitive, so "BASE" and "Base" count as the same name
    CONSTRAINT uk_dir_service_uuid UNIQUE (uuid),
    CONSTRAINT uk_dir_service_slug UNIQUE (slug),
    CONSTRAINT uk_dir_service_name UNIQUE (name),
    CONSTRAINT ck_dir_service_ages CHECK ((min_age IS NULL OR min_age BETWEEN 0 AND 120)
        AND (max_age IS NULL OR max_age BETWEEN 0 AND 120)
        AND (min_age IS NULL OR max_age IS NULL OR min_age <= max_age)),
    CONSTRAINT ck_dir_service_exploitation CHECK (exploitation IN ('CSE', 'CCE', 'BOTH', 'ANY')),
    CONSTRAINT ck_dir_service_referral CHECK (referral IN ('SELF', 'PROFESSIONAL', 'BOTH')),
    INDEX ix_dir_service_ages (min_age, max_age)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE dir_service_taxonomy (
    service_id  BIGINT NOT NULL,
    term_id     BIGINT NOT NULL,
    PRIMARY KEY (service_id, term_id),
    INDEX ix_dir_st_term (term_id),
    CONSTRAINT fk_dir_st_service FOREIGN KEY (service_id) REFERENCES dir_service (id) ON DELETE CASCADE,
    CONSTRAINT fk_dir_st_term FOREIGN KEY (term_id) REFERENCES dir_taxonomy_term (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE dir_service_area (
    service_id  BIGINT NOT NULL,
    area_id     BIGINT NOT NULL,
    PRIMARY KEY (service_id, area_id),
    INDEX ix_dir_sa_area (area_id),
    CONSTRAINT fk_dir_sa_service FOREIGN KEY (service_id) REFERENCES dir_service (id) ON DELETE CASCADE,
    CONSTRAINT fk_dir_sa_area FOREIGN KEY (area_id) REFERENCES dir_area (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per day (1 = Monday ... 7 = Sunday) so "open now" is one indexed SQL condition.
-- closes <= opens means the row runs past midnight; 23:59 means "until midnight".
CREATE TABLE dir_service_hours (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    service_id  BIGINT  NOT NULL,
    day         TINYINT NOT NULL,
    opens       TIME    NOT NULL,
    closes      TIME    NOT NULL,
    INDEX ix_dir_hours_service (service_id),
    INDEX ix_dir_hours_day (day, opens),
    CONSTRAINT fk_dir_hours_service FOREIGN KEY (service_id) REFERENCES dir_service (id) ON DELETE CASCADE,
    CONSTRAINT ck_dir_hours_day CHECK (day BETWEEN 1 AND 7),
    CONSTRAINT ck_dir_hours_not_empty CHECK (opens <> closes)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- My child's team: which services are around a child, kept up to date by the family's workers.
CREATE TABLE team_member (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    family_id          BIGINT       NOT NULL,
    child_id           BIGINT       NOT NULL,
    service_id         BIGINT       NOT NULL,
    worker_first_name  VARCHAR(40)  NULL,
    worker_role        VARCHAR(80)  NULL,
    -- equals child_id when this is the lead professional: the unique key allows one lead per child
    lead_for_child     BIGINT       NULL,
    status             VARCHAR(12)  NOT NULL,
    status_since       DATE         NOT NULL,
    for_family         VARCHAR(1000) NOT NULL,
    how_to_contact     VARCHAR(500) NULL,
    next_contact       VARCHAR(200) NULL,
    updated_at         DATETIME(6)  NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_team_child_service UNIQUE (child_id, service_id),
    CONSTRAINT uk_team_lead UNIQUE (lead_for_child),
    CONSTRAINT ck_team_lead CHECK (lead_for_child IS NULL OR lead_for_child = child_id),
    CONSTRAINT ck_team_status CHECK (status IN ('REFERRED', 'WAITING', 'ACTIVE', 'PAUSED', 'ENDED')),
    INDEX ix_team_family (family_id),
    CONSTRAINT fk_team_family FOREIGN KEY (family_id) REFERENCES family (id) ON DELETE CASCADE,
    CONSTRAINT fk_team_child FOREIGN KEY (child_id) REFERENCES child (id) ON DELETE CASCADE,
    CONSTRAINT fk_team_service FOREIGN KEY (service_id) REFERENCES dir_service (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The timeline parents read ("CAMHS referral accepted"): written in plain words when something changes.
CREATE TABLE team_event (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    family_id  BIGINT       NOT NULL,
    child_id   BIGINT       NOT NULL,
    at         DATETIME(6)  NOT NULL,
    text       VARCHAR(300) NOT NULL,
    INDEX ix_team_event_child (child_id, at),
    CONSTRAINT fk_team_event_family FOREIGN KEY (family_id) REFERENCES family (id) ON DELETE CASCADE,
    CONSTRAINT fk_team_event_child FOREIGN KEY (child_id) REFERENCES child (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Tell it once: one profile per family, in the parent's words.
CREATE TABLE family_profile (
    family_id      BIGINT        PRIMARY KEY,
    what_helps     VARCHAR(2000) NOT NULL,
    what_to_avoid  VARCHAR(2000) NOT NULL,
    history        VARCHAR(4000) NOT NULL,
    languages      VARCHAR(200)  NOT NULL,
    best_times     VARCHAR(200)  NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    version        BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_profile_family FOREIGN KEY (family_id) REFERENCES family (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Which services on the team the parent has shared the profile with (a row means "shared now").
CREATE TABLE family_profile_share (
    family_id       BIGINT      NOT NULL,
    team_member_id  BIGINT      NOT NULL,
    shared_at       DATETIME(6) NOT NULL,
    PRIMARY KEY (family_id, team_member_id),
    CONSTRAINT fk_share_family FOREIGN KEY (family_id) REFERENCES family (id) ON DELETE CASCADE,
    CONSTRAINT fk_share_member FOREIGN KEY (team_member_id) REFERENCES team_member (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- "Who has seen this": every read of the profile by someone other than the family (also in audit_log).
CREATE TABLE family_profile_view (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    family_id  BIGINT      NOT NULL,
    viewer_id  BIGINT      NULL,
    viewer     VARCHAR(60) NOT NULL,
    at         DATETIME(6) NOT NULL,
    INDEX ix_profile_view_family (family_id, at),
    CONSTRAINT fk_profile_view_family FOREIGN KEY (family_id) REFERENCES family (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
