package io.phaseflow.session.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.phaseflow.api.Page;
import io.phaseflow.api.ProblemResponses;
import io.phaseflow.common.InvalidParameter;
import io.phaseflow.session.Guided;
import io.phaseflow.session.PhaseTransition;
import io.phaseflow.session.SessionLifecycle;
import io.phaseflow.session.SessionManagement;
import io.phaseflow.session.SessionManagement.ArtifactUpload;
import io.phaseflow.session.SessionQueries;
import io.phaseflow.session.SessionStart;
import io.phaseflow.session.SessionStatus;
import io.phaseflow.session.SessionTransitions;
import io.phaseflow.session.SessionView;
import io.phaseflow.session.phase.IterationLog;
import io.phaseflow.session.phase.IterationReport;
import io.phaseflow.session.phase.PhaseCompletion;
import io.phaseflow.session.phase.PhaseOutcome;
import io.phaseflow.session.phase.SessionArtifact;
import io.phaseflow.session.phase.SessionIterations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Work sessions: start or continue, artifacts, phase completion, iterations, pause and
 * end, and a PM's transition to another phase.
 */
@RestController
@RequestMapping("/api/orchestration/sessions")
@Tag(name = "Sessions")
class SessionController {

	private final SessionManagement sessions;

	private final SessionQueries queries;

	private final SessionLifecycle lifecycle;

	private final SessionIterations iterations;

	private final SessionTransitions transitions;

	SessionController(SessionManagement sessions, SessionQueries queries, SessionLifecycle lifecycle,
			SessionIterations iterations, SessionTransitions transitions) {
		this.transitions = transitions;
		this.sessions = sessions;
		this.queries = queries;
		this.lifecycle = lifecycle;
		this.iterations = iterations;
	}

	@PostMapping
	@Operation(summary = "Start a session for a task, or continue its active one (on_active: continue|restart|reject)")
	ResponseEntity<SessionView> start(@RequestBody SessionStart request) {
		SessionManagement.Started started = this.sessions.start(request);
		SessionView session = started.session();
		return started.created()
				? ResponseEntity.created(URI.create("/api/orchestration/sessions/" + session.sessionKey()))
					.body(session)
				: ResponseEntity.ok(session);
	}

	@GetMapping
	@Operation(summary = "The sessions of a task, oldest first")
	Page<SessionView> ofTask(@RequestParam(name = "task_code") String taskCode) {
		return new Page<>(this.queries.ofTask(taskCode));
	}

	@GetMapping("/{key}")
	@Operation(summary = "Read a session, with where its process waits; include=iterations adds its iterations")
	Object get(@PathVariable String key, @RequestParam(required = false) String include) {
		if (include == null) {
			return this.queries.get(key);
		}
		if (!include.equals("iterations")) {
			throw new InvalidParameter("include", "must be iterations");
		}
		return new WithIterations(this.queries.get(key), this.iterations.list(key));
	}

	/** A session and its iterations, read in one call. */
	record WithIterations(@JsonUnwrapped SessionView session, List<IterationLog> iterations) {
	}

	@PostMapping("/{key}/artifacts")
	@Operation(summary = "Submit an artifact (e.g. TASK.md) in the current phase; replaces one of the same name")
	ResponseEntity<ArtifactSummary> putArtifact(@PathVariable String key, @RequestBody ArtifactUpload upload) {
		var artifact = this.sessions.putArtifact(key, upload);
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new ArtifactSummary(artifact.name(), artifact.phase(), artifact.contentHash(), artifact.updatedAt()));
	}

	@GetMapping(path = "/{key}/diagram", produces = "image/png")
	@Operation(summary = "The session's process as a PNG, with the phase it is in highlighted")
	byte[] diagram(@PathVariable String key) {
		return this.queries.diagram(key);
	}

	@GetMapping("/{key}/artifacts")
	@Operation(summary = "The session's artifacts, without their content")
	Page<ArtifactSummary> artifacts(@PathVariable String key) {
		return new Page<>(this.queries.artifacts(key)
			.stream()
			.map((a) -> new ArtifactSummary(a.name(), a.phase(), a.contentHash(), a.updatedAt()))
			.toList());
	}

	@GetMapping("/{key}/artifacts/{name}")
	@Operation(summary = "One artifact with its content")
	SessionArtifact artifact(@PathVariable String key, @PathVariable String name) {
		return this.queries.artifact(key, name);
	}

	@GetMapping(path = "/{key}/artifacts/{name}/draft", produces = "text/markdown;charset=UTF-8")
	@Operation(summary = "A draft of the artifact from its template, filled with the task's data")
	String draft(@PathVariable String key, @PathVariable String name) {
		return this.sessions.draft(key, name);
	}

	@PostMapping("/{key}/phase-complete")
	@Operation(summary = "Complete the current phase: 200 moved on, 422 check failed (errors, warnings), "
			+ "202 waiting for a reviewer to approve the override")
	ResponseEntity<?> completePhase(@PathVariable String key, @RequestBody PhaseCompletion request) {
		PhaseOutcome outcome = this.sessions.completePhase(key, request);
		return switch (outcome.result()) {
			case REFUSED -> refused(outcome);
			case AWAITING_OVERRIDE -> ResponseEntity.accepted().body(outcome);
			default -> ResponseEntity.ok(outcome);
		};
	}

	@PostMapping("/{key}/iterations")
	@Operation(summary = "Log the next iteration; it becomes the session's current iteration")
	ResponseEntity<Guided<IterationLog>> logIteration(@PathVariable String key, @RequestBody IterationReport report) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.iterations.log(key, report));
	}

	@GetMapping("/{key}/iterations")
	@Operation(summary = "The session's iterations in order")
	Page<IterationLog> iterations(@PathVariable String key) {
		return new Page<>(this.iterations.list(key));
	}

	@PatchMapping("/{key}/iterations/{number}")
	@Operation(summary = "Update an iteration: status (e.g. qa_passed), summary, tokens, cost")
	Guided<IterationLog> updateIteration(@PathVariable String key, @PathVariable int number,
			@RequestBody IterationReport report) {
		return this.iterations.update(key, number, report);
	}

	@PostMapping("/{key}/pause")
	@Operation(summary = "Pause a running session (its process is suspended)")
	SessionView pause(@PathVariable String key) {
		return this.lifecycle.pause(key);
	}

	@PostMapping("/{key}/resume")
	@Operation(summary = "Resume a paused session; with agent_id, hand it to another agent "
			+ "(a running one only with expected_agent_id naming its current agent)")
	SessionView resume(@PathVariable String key, @Valid @RequestBody(required = false) Resume request) {
		return this.lifecycle.resume(key, (request != null) ? request.agentId() : null,
				(request != null) ? request.expectedAgentId() : null);
	}

	@PostMapping("/{key}/end")
	@Operation(summary = "End the session: from close by completing it, or from any phase with force")
	ResponseEntity<?> end(@PathVariable String key, @Valid @RequestBody(required = false) End request) {
		boolean force = request != null && Boolean.TRUE.equals(request.force());
		PhaseOutcome outcome = this.sessions.end(key, force, (request != null) ? request.reason() : null,
				(request != null) ? request.artifacts() : null);
		return (outcome.result() == PhaseOutcome.Result.REFUSED) ? refused(outcome) : ResponseEntity.ok(outcome);
	}

	@PostMapping("/{key}/transition")
	@Operation(summary = "Move the session to another phase (PM): back for rework, on to the next, "
			+ "or past phases where settings.allow_phase_skip is true")
	SessionView transition(@PathVariable String key, @RequestBody PhaseTransition request) {
		return this.transitions.transition(key, request);
	}

	@PostMapping("/{key}/terminate")
	@Operation(summary = "Terminate the session (manual or timeout kill)")
	SessionView terminate(@PathVariable String key, @Valid @RequestBody(required = false) Stop request) {
		return this.lifecycle.stop(key, SessionStatus.TERMINATED, (request != null) ? request.reason() : null);
	}

	@PostMapping("/{key}/fail")
	@Operation(summary = "Mark the session failed (unrecoverable error)")
	SessionView fail(@PathVariable String key, @Valid @RequestBody(required = false) Stop request) {
		return this.lifecycle.stop(key, SessionStatus.FAILED, (request != null) ? request.reason() : null);
	}

	/**
	 * Resume, or hand over.
	 *
	 * @param agentId the agent taking the session over (none: the session's own agent)
	 * @param expectedAgentId the agent the caller takes it from; needed to take over a
	 * running session, and checked whenever given, so two agents racing for one session
	 * get one hand-over
	 */
	record Resume(@Positive Long agentId, @Positive Long expectedAgentId) {
	}

	record End(Boolean force, @Size(max = 2000) String reason,
			@Size(max = PhaseCompletion.MAX_ARTIFACTS) @Valid List<ArtifactUpload> artifacts) {
	}

	record Stop(@Size(max = 2000) String reason) {
	}

	private ResponseEntity<ProblemDetail> refused(PhaseOutcome outcome) {
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.UNPROCESSABLE_ENTITY, "Phase not complete",
				"The " + outcome.completedPhase() + " phase is not complete: fix the errors and try again, "
						+ "or complete it with override and a reason",
				outcome.errors());
		problem.setProperty("warnings", outcome.warnings());
		problem.setProperty("session", outcome.session());
		problem.setProperty("instructions", this.sessions.withOverride(outcome));
		return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	record ArtifactSummary(String name, String phase, String contentHash, OffsetDateTime updatedAt) {
	}

}
