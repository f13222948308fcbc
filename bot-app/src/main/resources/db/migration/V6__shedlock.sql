-- Locks shared by all instances on one database (ShedLock's JDBC provider, its documented table): scheduled jobs
-- run on one instance per run, and a connector's exclusive work (Telegram long polling, processing, delivery)
-- runs on the instance that holds its lease ("leader-telegram"). Times are the database's own clock.
-- Portable between H2 2.x and PostgreSQL, like V1.

CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    CONSTRAINT shedlock_pk PRIMARY KEY (name)
);

-- The agents' ticket list (newest first) read the whole ticket table and sorted it: 0.8 s of CPU per request with
-- 100,000 tickets (load harness). These let both databases read the newest rows straight from an index.
CREATE INDEX ticket_created_idx ON ticket (created_at DESC, id DESC);
CREATE INDEX ticket_status_created_idx ON ticket (status, created_at DESC, id DESC);
