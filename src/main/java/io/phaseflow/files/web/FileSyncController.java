package io.phaseflow.files.web;

import java.util.List;

import io.phaseflow.api.Page;
import io.phaseflow.files.Drift;
import io.phaseflow.files.FileSync;
import io.phaseflow.files.SyncedFile;
import io.phaseflow.task.Task;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Writes the markdown mirror of sprints and tasks.
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

	@GetMapping("/sync/status")
	@Operation(
			summary = "Mirrored files that no longer match the database (edited, stale or orphan); all=true lists every file")
	Page<Drift> status(@RequestParam(defaultValue = "false") boolean all) {
		return new Page<>(this.sync.status(all));
	}

	@PostMapping("/tasks/{code}/import")
	@Operation(
			summary = "Read an edited TASK.md back into the task (a new version); 422 names a line that cannot be read")
	Task importTask(@PathVariable String code) {
		return this.sync.importTask(code);
	}

	@PostMapping("/tasks/{code}/sync")
	@Operation(summary = "Write the task's TASK.md with its .hash file")
	Page<SyncedFile> syncTask(@PathVariable String code) {
		return new Page<>(this.sync.syncTask(code));
	}

}
