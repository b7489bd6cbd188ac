-- The same search_vector as V8, in PL/pgSQL. A SQL function whose body has a FROM clause is
-- not inlined, so PostgreSQL parsed and planned its body again for every row an INSERT or
-- UPDATE wrote (the generated search_document columns): about 0.24 ms of the server's time per
-- event. PL/pgSQL keeps the plan of its query for the connection, which halves that
-- (docs/BENCHMARKS.md, "Context search on PostgreSQL"). The vectors are the same, so the
-- stored ones stay as they are. The function still names nothing outside pg_catalog.

CREATE OR REPLACE FUNCTION search_vector(heading text, body text, document jsonb) RETURNS tsvector
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
DECLARE
    strings text;
BEGIN
    SELECT string_agg(found.value #>> '{}', ' ' ORDER BY found.n) INTO strings
        FROM jsonb_path_query(document, 'strict $.** ? (@.type() == "string")')
            WITH ORDINALITY AS found(value, n);
    RETURN setweight(to_tsvector('pg_catalog.simple', translate(left(coalesce(heading, ''), 100000),
               '!"#$%&''()*+,-./:;<=>?@[\]^_`{|}~', repeat(' ', 32))), 'A')
        || setweight(to_tsvector('pg_catalog.simple', translate(left(coalesce(
               CASE WHEN strings IS NULL THEN body WHEN body IS NULL THEN strings
                   ELSE body || ' ' || strings END, ''), 100000),
               '!"#$%&''()*+,-./:;<=>?@[\]^_`{|}~', repeat(' ', 32))), 'D');
END
$$;
