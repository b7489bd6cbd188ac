package io.phaseflow.timetracking.web;

import io.phaseflow.session.Guided;
import io.phaseflow.session.WorkItem;
import io.phaseflow.timetracking.ActivityReport;
import io.phaseflow.timetracking.SessionActivity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The activity an agent logs in a session; its times count towards the session's active
 * time.
 */
@RestController
@RequestMapping("/api/orchestration/sessions")
@Tag(name = "Sessions")
class ActivityController {

	private final SessionActivity activity;

	ActivityController(SessionActivity activity) {
		this.activity = activity;
	}

	@PostMapping("/{key}/activity")
	@Operation(summary = "Log an activity of the session")
	ResponseEntity<Guided<WorkItem>> activity(@PathVariable String key, @RequestBody ActivityReport report) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.activity.log(key, report));
	}

}
