package io.phaseflow.files.web;

import java.util.List;

import io.phaseflow.api.Page;
import io.phaseflow.files.FileSync;
import io.phaseflow.files.SyncedFile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Writes the markdown mirror of sprints and tasks (seed 000 step 3).
 */
@RestController
@RequestMapping("/api/orchestration")
@Tag(name = "Files")
class FileSyncController {

	private final FileSync sync;

	FileSyncController(FileSync sync) {
		this.sync = sync;
	}

	@PostMapping("/sprints/{code}/sync")
	@Operation(summary = "Write SPRINT.md and every TASK.md of the sprint, with .hash files")
	Page<SyncedFile> syncSprint(@PathVariable String code) {
		List<SyncedFile> files = this.sync.syncSprint(code);
		return new Page<>(files);
	}

	@PostMapping("/tasks/{code}/sync")
	@Operation(summary = "Write the task's TASK.md with its .hash file")
	Page<SyncedFile> syncTask(@PathVariable String code) {
		return new Page<>(this.sync.syncTask(code));
	}

}
