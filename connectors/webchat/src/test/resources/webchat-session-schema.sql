-- The web chat session table as bot-app's migration V2 creates it (the migrations live with the application).
CREATE TABLE webchat_session (
    id_hash      VARCHAR(64)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT webchat_session_pk PRIMARY KEY (id_hash)
);
