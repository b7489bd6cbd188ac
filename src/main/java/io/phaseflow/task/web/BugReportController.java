package io.phaseflow.task.web;

import io.phaseflow.task.BugReport;
import io.phaseflow.task.BugReports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bugs filed as backlog tasks.
 */
@RestController
@RequestMapping("/api/orchestration/pm-tools")
@Tag(name = "PM tools")
class BugReportController {

	private final BugReports bugs;

	BugReportController(BugReports bugs) {
		this.bugs = bugs;
	}

	@PostMapping("/bug-report")
	@Operation(summary = "File a bug as a backlog task; 200 with duplicate_of when the same bug was filed before")
	ResponseEntity<BugReports.Filed> bugReport(@RequestBody BugReport report) {
		BugReports.Filed filed = this.bugs.file(report);
		return (filed.duplicateOf() != null) ? ResponseEntity.ok(filed)
				: ResponseEntity.status(HttpStatus.CREATED).body(filed);
	}

}
