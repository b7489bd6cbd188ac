package io.phaseflow.pmtools.web;

import io.phaseflow.pmtools.StatusReport;
import io.phaseflow.pmtools.StatusReports;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The PM's tools (seed 000 step 8).
 */
@RestController
@RequestMapping("/api/orchestration/pm-tools")
@Tag(name = "PM tools")
class PmToolsController {

	private final StatusReports reports;

	PmToolsController(StatusReports reports) {
		this.reports = reports;
	}

	@GetMapping("/status-report")
	@Operation(summary = "A sprint's progress: counts by status, percentage completed and its tasks")
	StatusReport statusReport(@RequestParam(name = "sprint_code") String sprintCode) {
		return this.reports.of(sprintCode);
	}

}
