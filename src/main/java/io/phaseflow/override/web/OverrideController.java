package io.phaseflow.override.web;

import io.phaseflow.api.Page;
import io.phaseflow.override.OverrideDecision;
import io.phaseflow.override.Overrides;
import io.phaseflow.session.SessionView;
import io.phaseflow.workflow.WorkflowEngine.PendingOverride;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reviewer's inbox of override requests.
 */
@RestController
@RequestMapping("/api/orchestration/overrides")
@Tag(name = "Overrides")
class OverrideController {

	private final Overrides overrides;

	OverrideController(Overrides overrides) {
		this.overrides = overrides;
	}

	@GetMapping
	@Operation(summary = "Override requests waiting for a decision the caller may make, oldest first")
	Page<PendingOverride> inbox() {
		return new Page<>(this.overrides.inbox());
	}

	@PostMapping("/{id}/decision")
	@Operation(summary = "Approve (the phase moves on) or reject (the agent works on) an override")
	SessionView decide(@PathVariable String id, @RequestBody OverrideDecision decision) {
		return this.overrides.decide(id, decision);
	}

}
