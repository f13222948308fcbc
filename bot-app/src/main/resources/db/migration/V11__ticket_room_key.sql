-- The outage grouping looks for an open ticket of the same school, service, request type and room. The room
-- was compared in a correlated subquery on ticket_field, evaluated for every open ticket of the school until
-- one matched (11 % of the CPU of a dialog turn in the load harness). The normalised room, as
-- Tickets.roomKey computes it, is now stored with the ticket and indexed.
ALTER TABLE ticket ADD COLUMN room_key VARCHAR(100);

UPDATE ticket SET room_key = (
    SELECT SUBSTRING(REPLACE(REPLACE(LOWER(MIN(f.field_value)), ' ', ''), 'raum', '') FROM 1 FOR 100)
    FROM ticket_field f WHERE f.ticket_id = ticket.id AND f.field_key = 'raum');

CREATE INDEX ticket_grouping_idx ON ticket (school_id, service_id, request_type, room_key, created_at);
