-- Rate limits on forum posts (decision 079): one row per writer, locked while they post, so their posts are counted
-- one at a time; the count itself reads forum_post by author and time.
CREATE TABLE forum_writer (
    author_id BIGINT NOT NULL PRIMARY KEY,
    CONSTRAINT forum_writer_account FOREIGN KEY (author_id) REFERENCES user_account (id)
);

CREATE INDEX forum_post_author_time ON forum_post (author_id, created_at);

-- A category's topic list puts pinned topics first (V24), then newest activity: an index in that order lets the
-- database read one page backwards instead of sorting every topic in the category (15,720 rows at 1M posts).
CREATE INDEX forum_topic_pinned_activity ON forum_topic (category_id, pinned, last_post_at, id);
