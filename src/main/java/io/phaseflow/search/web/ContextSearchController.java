package io.phaseflow.search.web;

import io.phaseflow.search.ContextSearch;
import io.phaseflow.search.SearchAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Context search over events, session artifacts and task text.
 */
@RestController
@RequestMapping("/api/orchestration/context")
@Tag(name = "Context search")
class ContextSearchController {

	private final ContextSearch search;

	ContextSearchController(ContextSearch search) {
		this.search = search;
	}

	@GetMapping("/search")
	@Operation(
			summary = "Find every word of q in the events, artifacts and tasks of a session, task, sprint or the project; best first")
	SearchAnswer search(@RequestParam(required = false) String q, @RequestParam(required = false) String scope,
			@RequestParam(required = false) String code,
			@RequestParam(defaultValue = "20") @Min(1) @Max(ContextSearch.MAX_LIMIT) int limit) {
		return this.search.search(q, scope, code, limit);
	}

}
