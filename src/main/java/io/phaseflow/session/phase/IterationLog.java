package io.phaseflow.session.phase;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One iteration of a session: its number, status, summary and what it cost.
 */
public record IterationLog(int iterationNumber, String status, String summary, Long tokensInput, Long tokensOutput,
		BigDecimal cost, OffsetDateTime startedAt, OffsetDateTime completedAt) {
}
