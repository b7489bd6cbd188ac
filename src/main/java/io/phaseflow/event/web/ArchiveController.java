package io.phaseflow.event.web;

import io.phaseflow.event.ArchiveReport;
import io.phaseflow.event.EventArchive;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Archiving by hand (ADMIN); it also runs on schedule
 * ({@code phaseflow.events.archive.cron}).
 */
@RestController
@RequestMapping("/api/orchestration/admin/events")
@Tag(name = "Events")
class ArchiveController {

	private final EventArchive archive;

	ArchiveController(EventArchive archive) {
		this.archive = archive;
	}

	@PostMapping("/archive")
	@Operation(summary = "Move events older than the retention to the archive; 409 while a run is going on")
	ArchiveReport archive() {
		return this.archive.archive();
	}

}
