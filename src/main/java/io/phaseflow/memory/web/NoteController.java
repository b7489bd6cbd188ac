package io.phaseflow.memory.web;

import io.phaseflow.api.Page;
import io.phaseflow.memory.NoteRequest;
import io.phaseflow.memory.SessionMemory;
import io.phaseflow.memory.SessionNote;
import io.phaseflow.session.Guided;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A session's notes, its memory.
 */
@RestController
@RequestMapping("/api/orchestration/sessions")
@Tag(name = "Sessions")
class NoteController {

	private final SessionMemory memory;

	NoteController(SessionMemory memory) {
		this.memory = memory;
	}

	@PostMapping("/{key}/notes")
	@Operation(summary = "Add a note to the session's memory: kind update (progress on the task's context) "
			+ "or note (a remark or finding)")
	ResponseEntity<Guided<SessionNote>> addNote(@PathVariable String key, @RequestBody NoteRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.memory.add(key, request));
	}

	@GetMapping("/{key}/notes")
	@Operation(summary = "The session's notes, oldest first")
	Page<SessionNote> notes(@PathVariable String key) {
		return new Page<>(this.memory.list(key));
	}

}
