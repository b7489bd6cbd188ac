-- The archive walks the event log along its primary key (EventArchive.batch), so nothing reads
-- ix_events_emitted any more, and every event written paid for it: one B-tree fewer on the
-- table that grows with every phase transition (docs/BENCHMARKS.md).
DROP INDEX ix_events_emitted;
