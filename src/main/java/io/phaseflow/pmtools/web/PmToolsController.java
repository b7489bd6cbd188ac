package io.phaseflow.pmtools.web;

import io.phaseflow.files.AdrRequest;
import io.phaseflow.files.Adrs;
import io.phaseflow.pmtools.BugReport;
import io.phaseflow.pmtools.BugReports;
import io.phaseflow.report.StatusReport;
import io.phaseflow.report.StatusReports;
import io.phaseflow.session.Guided;
import io.phaseflow.taskstatus.TaskStatusReports;
import io.phaseflow.taskstatus.TaskStatusUpdate;
import io.phaseflow.task.Task;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The PM's tools: ADRs, bug reports, task-status reports and a sprint's status report.
 */
@RestController
@RequestMapping("/api/orchestration/pm-tools")
@Tag(name = "PM tools")
class PmToolsController {

	private final StatusReports reports;

	private final TaskStatusReports statusUpdates;

	private final BugReports bugs;

	private final Adrs adrs;

	PmToolsController(StatusReports reports, TaskStatusReports statusUpdates, BugReports bugs, Adrs adrs) {
		this.adrs = adrs;
		this.bugs = bugs;
		this.reports = reports;
		this.statusUpdates = statusUpdates;
	}

	@PostMapping("/adr")
	@Operation(summary = "Write an architecture decision record ADR-NNN-<slug>.md from the ADR template")
	ResponseEntity<Adrs.Written> adr(@RequestBody AdrRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.adrs.write(request));
	}

	@PostMapping("/bug-report")
	@Operation(summary = "File a bug as a backlog task; 200 with duplicate_of when the same bug was filed before")
	ResponseEntity<BugReports.Filed> bugReport(@RequestBody BugReport report) {
		BugReports.Filed filed = this.bugs.file(report);
		return (filed.duplicateOf() != null) ? ResponseEntity.ok(filed)
				: ResponseEntity.status(HttpStatus.CREATED).body(filed);
	}

	@PostMapping("/task-status")
	@Operation(summary = "Report a task's status with notes; completing the task completes its session")
	Guided<Task> taskStatus(@RequestBody TaskStatusUpdate update) {
		return this.statusUpdates.report(update);
	}

	@GetMapping("/status-report")
	@Operation(summary = "A sprint's progress: counts by status, percentage completed and its tasks")
	StatusReport statusReport(@RequestParam(name = "sprint_code") String sprintCode) {
		return this.reports.of(sprintCode);
	}

}
