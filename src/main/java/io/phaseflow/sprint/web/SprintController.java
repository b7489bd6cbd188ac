package io.phaseflow.sprint.web;

import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.api.Page;
import io.phaseflow.common.Drafts;
import io.phaseflow.common.InvalidParameter;
import io.phaseflow.common.PageQuery;
import io.phaseflow.history.EntityVersion;
import io.phaseflow.sprint.Sprint;
import io.phaseflow.sprint.SprintDraft;
import io.phaseflow.sprint.SprintManagement;
import io.phaseflow.sprint.SprintStatus;
import io.phaseflow.sprint.SprintTemplating;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sprint CRUD.
 */
@RestController
@RequestMapping("/api/orchestration/sprints")
@Tag(name = "Sprints")
class SprintController {

	private final SprintManagement sprints;

	private final SprintTemplating templates;

	private final Drafts drafts;

	SprintController(SprintManagement sprints, SprintTemplating templates, Drafts drafts) {
		this.sprints = sprints;
		this.templates = templates;
		this.drafts = drafts;
	}

	@PostMapping
	@Operation(summary = "Create a sprint (status defaults to planning); with \"template\": \"<name>\", also its tasks "
			+ "from templates/sprints/<name>.yaml and their files")
	ResponseEntity<?> create(@RequestBody ObjectNode body) {
		JsonNode template = body.remove("template");
		if (template != null && !template.isNull()) {
			if (!template.isTextual()) {
				throw new InvalidParameter("template", "must be the name of a sprint template");
			}
			SprintTemplating.FromTemplate created = this.templates.create(template.asText(), body);
			return ResponseEntity.created(location(created.sprint())).body(created.answer());
		}
		Sprint sprint = this.sprints.create(this.drafts.convert(body, SprintDraft.class));
		return ResponseEntity.created(location(sprint)).body(sprint);
	}

	private static URI location(Sprint sprint) {
		return URI.create("/api/orchestration/sprints/" + sprint.sprintCode());
	}

	@GetMapping
	@Operation(summary = "Page through sprints in id order, optionally by status")
	Page<Sprint> list(@RequestParam(required = false) SprintStatus status,
			@RequestParam(name = "after_id", defaultValue = "0") @PositiveOrZero long afterId,
			@RequestParam(defaultValue = PageQuery.DEFAULT_LIMIT) @Min(1) @Max(PageQuery.MAX_LIMIT) int limit) {
		PageQuery page = new PageQuery(afterId, limit);
		return Page.of(this.sprints.list(status, page), page, Sprint::id);
	}

	@GetMapping("/{code}")
	@Operation(summary = "Read a sprint")
	Sprint get(@PathVariable String code) {
		return this.sprints.get(code);
	}

	@PatchMapping(path = "/{code}", consumes = { "application/json", "application/merge-patch+json" })
	@Operation(summary = "Change a sprint with a JSON merge patch; the code cannot change")
	Sprint update(@PathVariable String code, @RequestBody ObjectNode patch) {
		return this.sprints.update(code, patch);
	}

	@PostMapping("/{code}/rollback")
	@Operation(summary = "Restore the content the sprint had under a hash, as a new version")
	Sprint rollback(@PathVariable String code, @Valid @RequestBody Rollback request) {
		return this.sprints.rollback(code, request.hash());
	}

	record Rollback(@NotBlank @Pattern(regexp = "[0-9a-f]{64}", message = "must be a SHA-256 hex hash") String hash) {
	}

	@GetMapping("/{code}/history")
	@Operation(summary = "Every version of the sprint's content, newest first")
	Page<EntityVersion> history(@PathVariable String code) {
		return new Page<>(this.sprints.history(code));
	}

}
