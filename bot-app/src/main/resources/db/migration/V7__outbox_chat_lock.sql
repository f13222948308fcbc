-- One row per chat the outbox has written to. Appending a message first updates the chat's row, which holds the
-- row lock until the transaction ends, and only then inserts the message: writers to one chat (dialog turns,
-- agent replies, status notices) take their message ids one after the other and commit in that order, so a reader
-- polling by id cursor never skips a message that commits late. The identity sequence of outbound_message must
-- hand out increasing values (the default, no per-session cache).
CREATE TABLE outbound_chat (
    channel  VARCHAR(32)  NOT NULL,
    address  VARCHAR(255) NOT NULL,
    appended BIGINT       NOT NULL,
    CONSTRAINT outbound_chat_pk PRIMARY KEY (channel, address)
);
INSERT INTO outbound_chat (channel, address, appended)
    SELECT channel, address, COUNT(*) FROM outbound_message GROUP BY channel, address;
