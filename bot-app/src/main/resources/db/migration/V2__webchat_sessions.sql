-- Web chat sessions. The session id is the browser's bearer secret and is never stored:
-- id_hash is the lowercase hex SHA-256 of it, and also the chat id of the web chat's channel address.
-- Portable between H2 2.x and PostgreSQL, like V1.

CREATE TABLE webchat_session (
    id_hash      VARCHAR(64)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT webchat_session_pk PRIMARY KEY (id_hash)
);
