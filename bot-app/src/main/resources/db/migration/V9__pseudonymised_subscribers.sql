-- Data protection for people who joined a ticket: pseudonymising keeps the row (the ticket's count of people
-- affected) but drops who it was and the chat. Portable between H2 2.x and PostgreSQL, like V1.
ALTER TABLE ticket_subscriber ALTER COLUMN person_id DROP NOT NULL;
ALTER TABLE ticket_subscriber ALTER COLUMN channel DROP NOT NULL;
ALTER TABLE ticket_subscriber ALTER COLUMN address DROP NOT NULL;

-- Forgetting a chat looks its subscriptions up by address.
CREATE INDEX ticket_subscriber_address_idx ON ticket_subscriber (channel, address);
