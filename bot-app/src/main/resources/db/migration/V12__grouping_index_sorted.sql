-- The grouping asks for the newest open ticket of a school, service, request type and room. With created_at in
-- ascending order H2 read every ticket of that room within the window, sorted them and kept the first (6 % of a
-- dialog turn's CPU in the load harness, growing with the tickets of the window). In descending order, with the id
-- as tie-breaker, both databases read the newest entries first and stop at the first open one.
DROP INDEX ticket_grouping_idx;
CREATE INDEX ticket_grouping_idx ON ticket (school_id, service_id, request_type, room_key, created_at DESC, id DESC);
