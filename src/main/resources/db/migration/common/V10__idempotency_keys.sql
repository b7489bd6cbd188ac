-- Answers to POST requests sent with an Idempotency-Key, so that a retry replays the first
-- answer instead of doing the work again. Keys belong to the caller (the token's name).
CREATE TABLE idempotency_keys (
    actor            VARCHAR(100)  NOT NULL,
    idempotency_key  VARCHAR(255)  NOT NULL,
    request_hash     CHAR(64)      NOT NULL,
    status           INTEGER       NOT NULL,
    content_type     VARCHAR(200),
    location         VARCHAR(2000),
    body             text_document,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_idempotency_keys PRIMARY KEY (actor, idempotency_key)
);

CREATE INDEX ix_idempotency_keys_expires ON idempotency_keys (expires_at);
