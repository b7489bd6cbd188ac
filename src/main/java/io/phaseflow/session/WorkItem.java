package io.phaseflow.session;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A logged activity of a session ({@code work_items}).
 */
public record WorkItem(long id, String sessionKey, String type, String description, JsonNode details, boolean completed,
		OffsetDateTime createdAt) {
}
