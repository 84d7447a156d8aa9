-- Figures at 1,000,000 posts (issue 10; decision 048). A category's topic list counted its topics on every page
-- (COUNT(*) over ~16,800 rows) and the forum's front page summed every topic. Now a count per category and topic
-- status is kept by triggers in the same transaction as the change to the topic, whoever makes it (the service, the
-- moderation queue, a migration, a benchmark's fill): topics = how many topics, posts = their posts
-- (reply_count + 1 each). A reply takes the row's lock only when it changes the topic's reply count; the lock is held
-- to commit, like forum_change's.
CREATE TABLE forum_topic_count (
    category_id BIGINT      NOT NULL,
    status      VARCHAR(12) NOT NULL,
    topics      BIGINT      NOT NULL DEFAULT 0,
    posts       BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (category_id, status),
    CONSTRAINT forum_topic_count_category FOREIGN KEY (category_id) REFERENCES forum_category (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO forum_topic_count (category_id, status, topics, posts)
SELECT category_id, status, COUNT(*), SUM(reply_count + 1) FROM forum_topic GROUP BY category_id, status;

CREATE TRIGGER forum_topic_count_insert AFTER INSERT ON forum_topic FOR EACH ROW
    INSERT INTO forum_topic_count (category_id, status, topics, posts)
    VALUES (NEW.category_id, NEW.status, 1, NEW.reply_count + 1)
    ON DUPLICATE KEY UPDATE topics = topics + 1, posts = posts + NEW.reply_count + 1;

CREATE TRIGGER forum_topic_count_update AFTER UPDATE ON forum_topic FOR EACH ROW
    INSERT INTO forum_topic_count (category_id, status, topics, posts)
    SELECT d.category_id, d.status, d.topics, d.posts
    FROM (SELECT OLD.category_id AS category_id, OLD.status AS status, -1 AS topics, -(OLD.reply_count + 1) AS posts
          UNION ALL
          SELECT NEW.category_id, NEW.status, 1, NEW.reply_count + 1) d
    WHERE OLD.category_id <> NEW.category_id OR OLD.status <> NEW.status OR OLD.reply_count <> NEW.reply_count
    -- two rows in key order, so two topics moved between the same two categories at once cannot deadlock
    ORDER BY d.category_id, d.status
    ON DUPLICATE KEY UPDATE topics = forum_topic_count.topics + VALUES(topics),
                            posts = forum_topic_count.posts + VALUES(posts);

CREATE TRIGGER forum_topic_count_delete AFTER DELETE ON forum_topic FOR EACH ROW
    UPDATE forum_topic_count SET topics = topics - 1, posts = posts - (OLD.reply_count + 1)
    WHERE category_id = OLD.category_id AND status = OLD.status;

-- The topic list reads one page's ids from this index alone (status and author decide who may see a topic), then
-- fetches those rows: no row is read for the topics it skips. It replaces V29's index, which it starts with.
CREATE INDEX forum_topic_list ON forum_topic (category_id, pinned, last_post_at, id, status, author_id);
DROP INDEX forum_topic_pinned_activity ON forum_topic;

-- A topic's page reads the ids of one page of its posts from this index alone (status and author decide who may see
-- a post), then fetches those rows; it replaces V22's (topic_id, id), which it starts with.
CREATE INDEX forum_post_page ON forum_post (topic_id, id, status, author_id);
DROP INDEX forum_post_in_topic ON forum_post;
