-- The iteration an artifact was last submitted in: execute and review require theirs anew in
-- every iteration, so a retried call cannot pass review on the previous iteration's REVIEW.md.
ALTER TABLE session_artifacts ADD COLUMN iteration INTEGER NOT NULL DEFAULT 1;
