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
