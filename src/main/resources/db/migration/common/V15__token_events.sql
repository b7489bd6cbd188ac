-- Issuing and revoking an API token is written to the event log about the token.
ALTER TABLE orchestration_events DROP CONSTRAINT ck_events_entity_type;
ALTER TABLE orchestration_events ADD CONSTRAINT ck_events_entity_type CHECK (entity_type IN
    ('sprint', 'task', 'session', 'agent', 'file', 'workflow', 'token'));
