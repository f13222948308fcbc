-- A post that replaces the text of its ticket's root post in the agents' room (a Matrix edit, m.replace): the
-- root shows the current priority and how many people are affected.
ALTER TABLE matrix_room_post ADD COLUMN replaces_root BOOLEAN DEFAULT FALSE NOT NULL;
