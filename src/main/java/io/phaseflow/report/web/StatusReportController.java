package io.phaseflow.report.web;

import io.phaseflow.report.StatusReport;
import io.phaseflow.report.StatusReports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A sprint's status report.
 */
@RestController
@RequestMapping("/api/orchestration/pm-tools")
@Tag(name = "PM tools")
class StatusReportController {

	private final StatusReports reports;

	StatusReportController(StatusReports reports) {
		this.reports = reports;
	}

	@GetMapping("/status-report")
	@Operation(summary = "A sprint's progress: counts by status, percentage completed and its tasks")
	StatusReport statusReport(@RequestParam(name = "sprint_code") String sprintCode) {
		return this.reports.of(sprintCode);
	}

}
