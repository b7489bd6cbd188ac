-- Context search (GET /context/search) with PostgreSQL's full text search. Every searchable
-- row keeps a tsvector of a heading (weight A) and a body (weight D), generated from its
-- columns, behind a GIN index. Words are split as io.phaseflow.search.Words splits them on H2:
-- ASCII punctuation separates words (so 'TASK.md' is 'task' and 'md', not a file name), and
-- the 'simple' configuration lowers them without stemming. The body is the row's text and
-- then the string values of its JSON document (not keys, numbers or booleans), depth first.
-- Only the first 100,000 characters of a heading or body are indexed (a tsvector holds at
-- most 1 MB). The function names nothing outside pg_catalog, so a restore can run it.

CREATE FUNCTION search_vector(heading text, body text, document jsonb) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT setweight(to_tsvector('pg_catalog.simple', translate(left(coalesce(heading, ''), 100000),
               '!"#$%&''()*+,-./:;<=>?@[\]^_`{|}~', repeat(' ', 32))), 'A')
        || setweight(to_tsvector('pg_catalog.simple', translate(left(coalesce(
               CASE WHEN json.strings IS NULL THEN body WHEN body IS NULL THEN json.strings
                   ELSE body || ' ' || json.strings END, ''), 100000),
               '!"#$%&''()*+,-./:;<=>?@[\]^_`{|}~', repeat(' ', 32))), 'D')
    FROM (SELECT string_agg(found.value #>> '{}', ' ' ORDER BY found.n) AS strings
          FROM jsonb_path_query(document, 'strict $.** ? (@.type() == "string")')
              WITH ORDINALITY AS found(value, n)) AS json
$$;

ALTER TABLE orchestration_events ADD COLUMN search_document tsvector
    GENERATED ALWAYS AS (search_vector(event_type, NULL, payload)) STORED;
CREATE INDEX ix_events_search ON orchestration_events USING GIN (search_document);

ALTER TABLE session_artifacts ADD COLUMN search_document tsvector
    GENERATED ALWAYS AS (search_vector(name, content, NULL)) STORED;
CREATE INDEX ix_session_artifacts_search ON session_artifacts USING GIN (search_document);

ALTER TABLE orchestration_tasks ADD COLUMN search_document tsvector
    GENERATED ALWAYS AS (search_vector(task_code || ' ' || title, description, metadata)) STORED;
CREATE INDEX ix_tasks_search ON orchestration_tasks USING GIN (search_document);
