-- What a delivering channel (Telegram, Matrix) still has to send. The web chat's page fetches its messages by
-- cursor, so they are never "delivered", yet each of them had an entry in outbound_message_delivery_idx, which H2
-- wrote again with every checkpoint (13 % of the bytes per checkpoint in the load harness). A row here exists from
-- the append until the delivery is recorded; delivered_at stays on the message for the Matrix retention.
CREATE TABLE outbound_pending (
    message_id BIGINT       NOT NULL,
    channel    VARCHAR(32)  NOT NULL,
    address    VARCHAR(255) NOT NULL,
    CONSTRAINT outbound_pending_pk PRIMARY KEY (message_id),
    CONSTRAINT outbound_pending_message_fk FOREIGN KEY (message_id) REFERENCES outbound_message (id)
        ON DELETE CASCADE
);
CREATE INDEX outbound_pending_chat_idx ON outbound_pending (channel, address, message_id);
INSERT INTO outbound_pending (message_id, channel, address)
    SELECT id, channel, address FROM outbound_message WHERE delivered_at IS NULL AND channel <> 'webchat';
DROP INDEX outbound_message_delivery_idx;
