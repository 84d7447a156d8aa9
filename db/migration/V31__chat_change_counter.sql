-- Chat on several nodes (issue 11, decision 084): changes to shown messages (removed, hidden, restored, edited)
-- catch up after a broker outage like new messages do. chat_room.change_seq counts a room's message changes; it
-- is raised with the room's row locked, in the same transaction that changes the message, and the message keeps
-- the number of its latest change. A node compares each room's change_seq with the last it handed on and reads
-- the messages changed since then (their state now) from here.
ALTER TABLE chat_room ADD COLUMN change_seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE chat_message ADD COLUMN change_seq BIGINT NULL;
CREATE INDEX chat_message_changes ON chat_message (room_id, change_seq);
