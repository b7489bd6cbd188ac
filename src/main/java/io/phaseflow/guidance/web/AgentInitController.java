package io.phaseflow.guidance.web;

import io.phaseflow.guidance.AgentInitRequest;
import io.phaseflow.guidance.AgentInitialization;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Agent init and session context for recovery.
 */
@RestController
@Tag(name = "Agent init")
class AgentInitController {

	private final AgentInitialization init;

	AgentInitController(AgentInitialization init) {
		this.init = init;
	}

	@PostMapping("/api/orchestration/agent/init")
	@Operation(
			summary = "Init on a task (starts or continues its session) or a sprint; returns context and instructions")
	AgentInitialization.Answer init(@RequestBody AgentInitRequest request) {
		return this.init.init(request);
	}

	@GetMapping("/api/orchestration/sessions/{key}/context")
	@Operation(summary = "The context agent init returns, for an agent that recovers the session")
	AgentInitialization.Answer context(@PathVariable String key) {
		return this.init.context(key);
	}

}
