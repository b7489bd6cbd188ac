package io.phaseflow.event;

import java.time.OffsetDateTime;

/**
 * What one archiving run did.
 *
 * @param archived how many events it moved
 * @param batches in how many transactions
 * @param archivedBefore events emitted before this time were due
 * @param highPriorityKeptAfter events of high-priority tasks emitted after this time were
 * kept (null: kept whatever their age)
 */
public record ArchiveReport(long archived, int batches, OffsetDateTime archivedBefore,
		OffsetDateTime highPriorityKeptAfter) {
}
