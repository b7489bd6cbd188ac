package io.phaseflow.agent.web;

import java.net.URI;

import io.phaseflow.agent.Agent;
import io.phaseflow.agent.AgentDraft;
import io.phaseflow.agent.AgentRegistry;
import io.phaseflow.api.Page;
import io.phaseflow.common.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Agent profiles.
 */
@RestController
@RequestMapping("/api/orchestration/agents")
@Tag(name = "Agents")
class AgentController {

	private final AgentRegistry agents;

	AgentController(AgentRegistry agents) {
		this.agents = agents;
	}

	@PostMapping
	@Operation(summary = "Register an agent (kind defaults to ai)")
	ResponseEntity<Agent> register(@RequestBody AgentDraft draft) {
		Agent agent = this.agents.register(draft);
		return ResponseEntity.created(URI.create("/api/orchestration/agents/" + agent.id())).body(agent);
	}

	@GetMapping
	@Operation(summary = "Page through agents in id order")
	Page<Agent> list(@RequestParam(name = "after_id", defaultValue = "0") @PositiveOrZero long afterId,
			@RequestParam(defaultValue = PageQuery.DEFAULT_LIMIT) @Min(1) @Max(PageQuery.MAX_LIMIT) int limit) {
		PageQuery page = new PageQuery(afterId, limit);
		return Page.of(this.agents.list(page), page, Agent::id);
	}

	@GetMapping("/{reference}")
	@Operation(summary = "Read an agent by id or handle")
	Agent get(@PathVariable String reference) {
		return this.agents.get(reference);
	}

}
