package io.phaseflow.task.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.api.Page;
import io.phaseflow.common.Codes;
import io.phaseflow.common.PageQuery;
import io.phaseflow.history.EntityVersion;
import io.phaseflow.task.Priority;
import io.phaseflow.task.Task;
import io.phaseflow.task.TaskDraft;
import io.phaseflow.task.TaskFilter;
import io.phaseflow.task.TaskManagement;
import io.phaseflow.task.TaskStatus;
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
 * Task CRUD and version history.
 */
@RestController
@RequestMapping("/api/orchestration/tasks")
@Tag(name = "Tasks")
class TaskController {

	private final TaskManagement tasks;

	TaskController(TaskManagement tasks) {
		this.tasks = tasks;
	}

	@PostMapping
	@Operation(summary = "Create a task (status defaults to pending, priority to P2)")
	ResponseEntity<TaskView> create(@RequestBody TaskDraft draft) {
		Task task = this.tasks.create(draft);
		return ResponseEntity.created(URI.create("/api/orchestration/tasks/" + task.taskCode())).body(view(task));
	}

	@GetMapping
	@Operation(summary = "Page through tasks in id order, filtered by sprint, status and priority")
	Page<TaskView> list(@RequestParam(name = "sprint_code", required = false) String sprintCode,
			@RequestParam(required = false) TaskStatus status, @RequestParam(required = false) Priority priority,
			@RequestParam(name = "after_id", defaultValue = "0") @PositiveOrZero long afterId,
			@RequestParam(defaultValue = PageQuery.DEFAULT_LIMIT) @Min(1) @Max(PageQuery.MAX_LIMIT) int limit) {
		TaskFilter filter = new TaskFilter(Codes.normalizeOptional("sprint_code", sprintCode), status, priority);
		PageQuery page = new PageQuery(afterId, limit);
		List<Task> found = this.tasks.list(filter, page);
		Map<String, List<String>> dependents = this.tasks.dependents(found.stream().map(Task::taskCode).toList());
		return Page.of(found.stream().map((task) -> TaskView.of(task, dependents.get(task.taskCode()))).toList(), page,
				(view) -> view.task().id());
	}

	@GetMapping("/{code}")
	@Operation(summary = "Read a task")
	TaskView get(@PathVariable String code) {
		return view(this.tasks.get(code));
	}

	@PatchMapping(path = "/{code}", consumes = { "application/json", "application/merge-patch+json" })
	@Operation(summary = "Change a task with a JSON merge patch; the code cannot change")
	TaskView update(@PathVariable String code, @RequestBody ObjectNode patch) {
		return view(this.tasks.update(code, patch));
	}

	@PostMapping("/{code}/rollback")
	@Operation(
			summary = "Restore the content the task had under a hash, as a new version; a synced TASK.md is rewritten")
	TaskView rollback(@PathVariable String code, @Valid @RequestBody Rollback request) {
		return view(this.tasks.rollback(code, request.hash()));
	}

	private TaskView view(Task task) {
		return TaskView.of(task, this.tasks.dependents(List.of(task.taskCode())).get(task.taskCode()));
	}

	record Rollback(@NotBlank @Pattern(regexp = "[0-9a-f]{64}", message = "must be a SHA-256 hex hash") String hash) {
	}

	@GetMapping("/{code}/history")
	@Operation(summary = "Every version of the task's content, newest first")
	Page<EntityVersion> history(@PathVariable String code) {
		return new Page<>(this.tasks.history(code));
	}

}
