-- Events older than the retention are moved here in batches (the hot table stays small).
CREATE TABLE orchestration_events_archive (
    id             BIGINT        NOT NULL PRIMARY KEY,
    event_type     VARCHAR(200)  NOT NULL,
    entity_type    VARCHAR(20)   NOT NULL,
    entity_id      BIGINT,
    entity_code    VARCHAR(100),
    correlation_id VARCHAR(100)  NOT NULL,
    session_key    VARCHAR(100),
    agent_id       BIGINT,
    payload        json_document NOT NULL,
    emitted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    archived_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_events_archive_session ON orchestration_events_archive (session_key, id);
CREATE INDEX ix_events_archive_entity_code ON orchestration_events_archive (entity_type, entity_code, id);

CREATE INDEX ix_events_emitted ON orchestration_events (emitted_at, id);

-- ShedLock's lock table: a scheduled job (archiving) runs on one instance at a time.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
