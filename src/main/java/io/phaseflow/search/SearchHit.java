package io.phaseflow.search;

import java.time.OffsetDateTime;

import io.phaseflow.common.WireValue;

/**
 * One search result.
 *
 * @param kind what was found
 * @param ref how to find it again: an event's id, {@code <session_key>/<artifact name>},
 * or a task's code
 * @param title the event's type, the artifact's name or the task's title
 * @param snippet the text around the first match, matched words in {@code **…**}
 * @param score the rank (PostgreSQL's {@code ts_rank}); higher is better
 * @param createdAt when the event was emitted or the artifact or task created
 */
public record SearchHit(Kind kind, String ref, String title, String snippet, float score, OffsetDateTime createdAt) {

	/** What a result is. */
	public enum Kind implements WireValue {

		EVENT, ARTIFACT, TASK;

	}

}
