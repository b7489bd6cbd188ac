package io.phaseflow.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.client.Json;

/**
 * A tool call that failed; its result is {@link #body()}: {@code error}, whatever else
 * helps (status, errors) and, when it knows them better than the session does, its own
 * {@code instructions}.
 */
final class ToolError extends RuntimeException {

	private final transient ObjectNode body;

	ToolError(String message) {
		this(Json.object().put("error", message));
	}

	ToolError(ObjectNode body) {
		super(body.path("error").asText());
		this.body = body;
	}

	ObjectNode body() {
		return this.body;
	}

}
