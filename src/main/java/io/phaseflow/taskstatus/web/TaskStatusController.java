package io.phaseflow.taskstatus.web;

import io.phaseflow.session.Guided;
import io.phaseflow.task.Task;
import io.phaseflow.taskstatus.TaskStatusReports;
import io.phaseflow.taskstatus.TaskStatusUpdate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Status reports on tasks, by their agents and by PMs.
 */
@RestController
@RequestMapping("/api/orchestration/pm-tools")
@Tag(name = "PM tools")
class TaskStatusController {

	private final TaskStatusReports statusUpdates;

	TaskStatusController(TaskStatusReports statusUpdates) {
		this.statusUpdates = statusUpdates;
	}

	@PostMapping("/task-status")
	@Operation(summary = "Report a task's status with notes; completing the task completes its session")
	Guided<Task> taskStatus(@RequestBody TaskStatusUpdate update) {
		return this.statusUpdates.report(update);
	}

}
