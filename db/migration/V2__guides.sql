-- Guides: categories, guides with a draft and a published copy, revisions, the jargon buster,
-- the plain-language check's blaming phrases, and help-now contacts with weekly hours.
-- Runs unchanged on MySQL 8.4 and MariaDB 10.11+ (utf8mb4, InnoDB, DATETIME(6) in UTC).

CREATE TABLE guide_category (
    code         VARCHAR(60)  PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    description  VARCHAR(300) NOT NULL,
    sort_order   INT          NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The draft columns are what workers edit; the pub_* columns are what parents read. Publishing copies
-- the draft over; unpublishing clears pub_*. version guards against two workers overwriting each other.
CREATE TABLE guide (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    slug           VARCHAR(80)  NOT NULL,
    category_code  VARCHAR(60)  NOT NULL,
    kind           VARCHAR(10)  NOT NULL,
    title          VARCHAR(120) NOT NULL,
    summary        VARCHAR(300) NOT NULL,
    body           MEDIUMTEXT   NOT NULL,
    related        VARCHAR(500) NOT NULL DEFAULT '',
    sample         BOOLEAN      NOT NULL DEFAULT FALSE,
    last_checked   DATE         NULL,
    pub_title      VARCHAR(120) NULL,
    pub_summary    VARCHAR(300) NULL,
    pub_body       MEDIUMTEXT   NULL,
    pub_text       MEDIUMTEXT   NULL,
    published_at   DATETIME(6)  NULL,
    published_by   VARCHAR(60)  NULL,
    updated_at     DATETIME(6)  NOT NULL,
    updated_by     VARCHAR(60)  NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_guide_slug UNIQUE (slug),
    CONSTRAINT fk_guide_category FOREIGN KEY (category_code) REFERENCES guide_category (code),
    CONSTRAINT ck_guide_kind CHECK (kind IN ('guide', 'pathway')),
    INDEX ix_guide_category (category_code, pub_title),
    FULLTEXT INDEX ft_guide_title (pub_title),
    FULLTEXT INDEX ft_guide_all (pub_title, pub_summary, pub_text)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every save and publish keeps a copy, so a guide can be restored to any earlier state.
CREATE TABLE guide_revision (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    guide_id  BIGINT       NOT NULL,
    number    INT          NOT NULL,
    title     VARCHAR(120) NOT NULL,
    summary   VARCHAR(300) NOT NULL,
    body      MEDIUMTEXT   NOT NULL,
    note      VARCHAR(60)  NOT NULL,
    saved_at  DATETIME(6)  NOT NULL,
    saved_by  VARCHAR(60)  NOT NULL,
    CONSTRAINT uk_revision_number UNIQUE (guide_id, number),
    CONSTRAINT fk_revision_guide FOREIGN KEY (guide_id) REFERENCES guide (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- also_known_as holds other names separated by '|'.
CREATE TABLE glossary_term (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    term           VARCHAR(80)  NOT NULL,
    meaning        VARCHAR(600) NOT NULL,
    for_you        VARCHAR(600) NOT NULL,
    also_known_as  VARCHAR(400) NOT NULL DEFAULT '',
    published      BOOLEAN      NOT NULL DEFAULT TRUE,
    updated_at     DATETIME(6)  NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_glossary_term UNIQUE (term),
    FULLTEXT INDEX ft_glossary (term, meaning, for_you, also_known_as)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Words that blame a child or a parent; admins keep the list.
CREATE TABLE blaming_phrase (
    id      BIGINT AUTO_INCREMENT PRIMARY KEY,
    phrase  VARCHAR(100) NOT NULL,
    CONSTRAINT uk_blaming_phrase UNIQUE (phrase)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE help_contact (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    slug          VARCHAR(60)  NOT NULL,
    name          VARCHAR(120) NOT NULL,
    description   VARCHAR(400) NOT NULL,
    phone         VARCHAR(40)  NOT NULL,
    text_phone    VARCHAR(40)  NULL,
    url           VARCHAR(300) NULL,
    always_open   BOOLEAN      NOT NULL DEFAULT FALSE,
    out_of_hours  BOOLEAN      NOT NULL DEFAULT FALSE,
    emergency     BOOLEAN      NOT NULL DEFAULT FALSE,
    sort_order    INT          NOT NULL DEFAULT 0,
    version       BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_help_contact_slug UNIQUE (slug)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One weekly row: days as "MON,TUE,...", wall-clock times in Europe/London; closes <= opens runs past midnight.
CREATE TABLE help_contact_hours (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    contact_id  BIGINT      NOT NULL,
    days        VARCHAR(40) NOT NULL,
    opens       TIME        NOT NULL,
    closes      TIME        NOT NULL,
    CONSTRAINT fk_hours_contact FOREIGN KEY (contact_id) REFERENCES help_contact (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A guide in another language: its own draft and a published flag. The English guide stays the source.
CREATE TABLE guide_translation (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    guide_id    BIGINT       NOT NULL,
    language    VARCHAR(8)   NOT NULL,
    title       VARCHAR(120) NOT NULL,
    summary     VARCHAR(300) NOT NULL,
    body        MEDIUMTEXT   NOT NULL,
    published   BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at  DATETIME(6)  NOT NULL,
    updated_by  VARCHAR(60)  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_translation UNIQUE (guide_id, language),
    CONSTRAINT fk_translation_guide FOREIGN KEY (guide_id) REFERENCES guide (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
