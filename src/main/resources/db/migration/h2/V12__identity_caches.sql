-- H2 writes an identity's next value to the database file every CACHE values (32 by default),
-- and each such write stores every changed page at once, like a commit: on the tables that
-- grow with every phase transition that cost 6 % of the time H2 spent storing pages
-- (docs/BENCHMARKS.md). A crash skips at most the unused rest of a cache; ids were never
-- gapless (a rolled-back insert leaves a gap too).
ALTER TABLE orchestration_events ALTER COLUMN id SET CACHE 1000;
ALTER TABLE entity_versions ALTER COLUMN id SET CACHE 1000;
ALTER TABLE session_artifacts ALTER COLUMN id SET CACHE 1000;
ALTER TABLE work_items ALTER COLUMN id SET CACHE 1000;
ALTER TABLE work_sessions ALTER COLUMN id SET CACHE 1000;
ALTER TABLE orchestration_tasks ALTER COLUMN id SET CACHE 1000;
ALTER TABLE iteration_logs ALTER COLUMN id SET CACHE 1000;
ALTER TABLE session_notes ALTER COLUMN id SET CACHE 1000;
