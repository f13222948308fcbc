-- Every dialog turn updates its conversation's updated_at and appends to the outbox. An index entry moves only
-- when an indexed column changes, and on H2 every commit writes each changed B-tree's pages again (on PostgreSQL
-- such an update cannot be a HOT update). Three indexes changed on every turn for jobs that can do without them:
-- the retention job runs once a day and can afford to scan both tables; the reminder job reads the chats with an
-- unfinished intake, which are few, and no longer needs them ordered by the index.
DROP INDEX conversation_updated_idx;
DROP INDEX outbound_message_created_idx;
DROP INDEX conversation_intake_idx;
CREATE INDEX conversation_intake_idx ON conversation (in_intake);
