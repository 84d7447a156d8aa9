-- Moderators' list of posts waiting for them (PENDING or HELD), oldest first, without reading every post.
CREATE INDEX forum_post_status ON forum_post (status, id);
