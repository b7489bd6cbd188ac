package io.phaseflow.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.common.Codes;
import io.phaseflow.common.WithinFieldLimit;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An agent profile as a client registers it. The handle is a code that is not only
 * digits, so that {@code /agents/42} always means the agent with id 42.
 *
 * @param capabilities what the agent can do (any JSON: a list of skills, a map of tools,
 * ...)
 */
public record AgentDraft(
		@NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.RULE) @Pattern(regexp = ".*[^0-9].*",
				message = "must not be only digits") String handle,
		@Size(max = 200) String name, AgentKind kind, @WithinFieldLimit JsonNode capabilities,
		@WithinFieldLimit ObjectNode metadata) {
}
