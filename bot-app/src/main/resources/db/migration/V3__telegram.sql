-- Telegram channel. Portable between H2 2.x and PostgreSQL, like V1.
-- Every update Telegram sends is stored here (keyed by its update_id, so a redelivered update is ignored) before
-- the long-polling offset or the webhook answer confirms it; processed_at is set in the same transaction as the
-- dialog turn the update caused. Processed rows are deleted after two days (Telegram keeps unconfirmed updates
-- for 24 hours, so no duplicate can arrive later), which also removes the message texts they hold.

CREATE TABLE telegram_update (
    update_id    BIGINT                   NOT NULL,
    payload      TEXT                     NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    processed_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT telegram_update_pk PRIMARY KEY (update_id)
);
CREATE INDEX telegram_update_processed_idx ON telegram_update (processed_at, update_id);

-- Undelivered messages of a channel that delivers (Telegram): the dispatcher asks for the head of every chat's queue.
CREATE INDEX outbound_message_delivery_idx ON outbound_message (channel, delivered_at, address, id);
