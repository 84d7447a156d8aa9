-- The forum (issue 10): categories, topics, posts and their earlier versions, reactions, follows and read markers.
-- Every post has a status (decision 078): PUBLISHED, PENDING (waiting for a moderator), HELD (held by a filter),
-- HIDDEN (hidden by a moderator or by reports) or DELETED (soft-deleted; the text is kept for moderators).
-- changed_seq is a forum-wide change number taken from forum_change under a row lock as the last step of each
-- write, so it grows in commit order: every node's search index polls for posts with a higher number
-- (decision 077) and the database stays the truth.
CREATE TABLE forum_category (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code        VARCHAR(80)  NOT NULL,
    name        VARCHAR(120) NOT NULL,
    description VARCHAR(400) NOT NULL,
    sort_order  INT          NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT forum_category_code UNIQUE (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE forum_topic (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    category_id    BIGINT       NOT NULL,
    title          VARCHAR(200) NOT NULL,
    author_id      BIGINT       NOT NULL,
    author_name    VARCHAR(100) NOT NULL,
    status         VARCHAR(12)  NOT NULL,
    locked         BOOLEAN      NOT NULL DEFAULT FALSE,
    sample         BOOLEAN      NOT NULL DEFAULT FALSE,
    reply_count    INT          NOT NULL DEFAULT 0,
    last_post_id   BIGINT       NOT NULL DEFAULT 0,
    last_post_at   DATETIME(6)  NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    CONSTRAINT forum_topic_category FOREIGN KEY (category_id) REFERENCES forum_category (id),
    CONSTRAINT forum_topic_author FOREIGN KEY (author_id) REFERENCES user_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX forum_topic_activity ON forum_topic (category_id, status, last_post_at, id);

CREATE TABLE forum_post (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    topic_id     BIGINT       NOT NULL,
    author_id    BIGINT       NOT NULL,
    author_name  VARCHAR(100) NOT NULL,
    body         MEDIUMTEXT   NOT NULL,
    status       VARCHAR(12)  NOT NULL,
    quoted_id    BIGINT       NULL,
    client_token VARCHAR(64)  NOT NULL,
    sample       BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at   DATETIME(6)  NOT NULL,
    edited_at    DATETIME(6)  NULL,
    version      INT          NOT NULL DEFAULT 0,
    changed_seq  BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT forum_post_topic FOREIGN KEY (topic_id) REFERENCES forum_topic (id),
    CONSTRAINT forum_post_author FOREIGN KEY (author_id) REFERENCES user_account (id),
    -- one post per form: a double submit finds the first one
    CONSTRAINT forum_post_once UNIQUE (author_id, client_token)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX forum_post_in_topic ON forum_post (topic_id, id);
CREATE INDEX forum_post_changes ON forum_post (changed_seq);
CREATE INDEX forum_post_by_author ON forum_post (author_id, status);

-- Every earlier version of an edited post, for moderators.
CREATE TABLE forum_post_revision (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    post_id    BIGINT      NOT NULL,
    body       MEDIUMTEXT  NOT NULL,
    written_at DATETIME(6) NOT NULL,
    CONSTRAINT forum_revision_post FOREIGN KEY (post_id) REFERENCES forum_post (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX forum_revision_of_post ON forum_post_revision (post_id, id);

CREATE TABLE forum_reaction (
    post_id    BIGINT      NOT NULL,
    person_id  BIGINT      NOT NULL,
    kind       VARCHAR(12) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (post_id, person_id, kind),
    CONSTRAINT forum_reaction_post FOREIGN KEY (post_id) REFERENCES forum_post (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE forum_topic_follow (
    person_id  BIGINT      NOT NULL,
    topic_id   BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (person_id, topic_id),
    CONSTRAINT forum_topic_follow_topic FOREIGN KEY (topic_id) REFERENCES forum_topic (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX forum_topic_followers ON forum_topic_follow (topic_id, person_id);

CREATE TABLE forum_category_follow (
    person_id   BIGINT      NOT NULL,
    category_id BIGINT      NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (person_id, category_id),
    CONSTRAINT forum_category_follow_category FOREIGN KEY (category_id) REFERENCES forum_category (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX forum_category_followers ON forum_category_follow (category_id, person_id);

-- The last post a person has seen in a topic (unread markers).
CREATE TABLE forum_read (
    person_id    BIGINT NOT NULL,
    topic_id     BIGINT NOT NULL,
    last_post_id BIGINT NOT NULL,
    PRIMARY KEY (person_id, topic_id),
    CONSTRAINT forum_read_topic FOREIGN KEY (topic_id) REFERENCES forum_topic (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE forum_change (
    id BIGINT NOT NULL PRIMARY KEY,
    n  BIGINT NOT NULL
) ENGINE = InnoDB;

INSERT INTO forum_change (id, n) VALUES (1, 0);

-- The partnership changes these (names, order, more categories); a local group per area is added at start-up
-- from the service directory's areas (code local-<area>, ordered after these).
INSERT INTO forum_category (code, name, description, sort_order, created_at) VALUES
 ('introductions', 'Introductions', 'Say hello and meet other parents.', 10, NOW(6)),
 ('police-and-court', 'Police and court', 'Statements, interviews, court and what happens next.', 20, NOW(6)),
 ('school-and-exclusions', 'School and exclusions', 'School, exclusions, moves and getting back to learning.', 30, NOW(6)),
 ('services-and-meetings', 'Services and meetings', 'Social care, meetings, plans and who does what.', 40, NOW(6)),
 ('brothers-and-sisters', 'Brothers and sisters', 'Helping the other children in the family.', 50, NOW(6)),
 ('looking-after-yourself', 'Looking after yourself', 'Rest, sleep, feelings and getting support for you.', 60, NOW(6));
