-- Data protection. Portable between H2 2.x and PostgreSQL, like V1.
-- A pseudonymised ticket (closed long ago, or its requester asked to be erased) keeps its text but no longer knows
-- the chat it came from.
ALTER TABLE ticket ALTER COLUMN requester_channel DROP NOT NULL;
ALTER TABLE ticket ALTER COLUMN requester_address DROP NOT NULL;

-- The retention job deletes by age.
CREATE INDEX outbound_message_created_idx ON outbound_message (created_at);
CREATE INDEX conversation_updated_idx ON conversation (updated_at);
CREATE INDEX webchat_session_last_seen_idx ON webchat_session (last_seen_at);
