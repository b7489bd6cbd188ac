package io.phaseflow.session;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import io.phaseflow.agent.Agent;
import io.phaseflow.agent.AgentRegistry;
import io.phaseflow.common.Clocks;
import io.phaseflow.common.Codes;
import io.phaseflow.common.ContentHash;
import io.phaseflow.common.Drafts;
import io.phaseflow.common.EntityNotFound;
import io.phaseflow.common.JsonDocuments;
import io.phaseflow.common.RequestContext;
import io.phaseflow.common.RuleBroken;
import io.phaseflow.event.EntityType;
import io.phaseflow.event.EventLog;
import io.phaseflow.event.EventTypes;
import io.phaseflow.event.NewEvent;
import io.phaseflow.files.MarkdownDocuments;
import io.phaseflow.session.access.AgentIdentity;
import io.phaseflow.session.phase.PhaseCompletion;
import io.phaseflow.session.phase.PhaseOutcome;
import io.phaseflow.session.phase.SessionArtifact;
import io.phaseflow.session.phase.SessionArtifacts;
import io.phaseflow.task.Task;
import io.phaseflow.task.Tasks;
import io.phaseflow.workflow.ArtifactSpec;
import io.phaseflow.workflow.PhaseConfig;
import io.phaseflow.workflow.SessionNotWaiting;
import io.phaseflow.workflow.WorkDone;
import io.phaseflow.workflow.WorkflowDefinition;
import io.phaseflow.workflow.WorkflowEngine;
import io.phaseflow.workflow.deployment.Workflows;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starting sessions, submitting artifacts and completing phases. Each call locks the
 * session's row, so the transitions of one session happen one at a time; the process
 * engine, the session row and the events change in one transaction.
 */
@Service
public class SessionManagement {

	private final WorkSessions sessions;

	private final SessionViews views;

	private final MarkdownDocuments documents;

	private final SessionArtifacts artifacts;

	private final Tasks tasks;

	private final AgentRegistry agents;

	private final WorkflowEngine engine;

	private final Workflows workflows;

	private final EventLog events;

	private final JsonDocuments json;

	private final Drafts drafts;

	private final Clock clock;

	private final SessionLifecycle lifecycle;

	private final AgentIdentity identity;

	private final ApplicationEventPublisher publisher;

	private final SessionEvents sessionEvents;

	private final ObjectProvider<StartGuard> guards;

	private final SessionActions actions;

	SessionManagement(WorkSessions sessions, SessionViews views, MarkdownDocuments documents,
			SessionArtifacts artifacts, Tasks tasks, AgentRegistry agents, WorkflowEngine engine, Workflows workflows,
			EventLog events, JsonDocuments json, Drafts drafts, Clock clock, SessionLifecycle lifecycle,
			AgentIdentity identity, ApplicationEventPublisher publisher, SessionEvents sessionEvents,
			ObjectProvider<StartGuard> guards, SessionActions actions) {
		this.actions = actions;
		this.guards = guards;
		this.publisher = publisher;
		this.sessionEvents = sessionEvents;
		this.identity = identity;
		this.sessions = sessions;
		this.views = views;
		this.documents = documents;
		this.artifacts = artifacts;
		this.tasks = tasks;
		this.agents = agents;
		this.engine = engine;
		this.workflows = workflows;
		this.events = events;
		this.json = json;
		this.drafts = drafts;
		this.clock = clock;
		this.lifecycle = lifecycle;
	}

	/**
	 * Starts a session for the task, or continues its active one ({@code on_active}).
	 * @return the session and whether it was started by this call
	 */
	@Transactional
	public Started start(SessionStart request) {
		Begun begun = begin(request);
		return new Started(this.views.view(begun.session()), begun.created());
	}

	/**
	 * Starts a session for the task, or finds its active one to continue
	 * ({@code on_active}), without working out its view: agent init answers with a
	 * context of its own. The caller's transaction holds the task's row lock.
	 */
	public Begun begin(SessionStart request) {
		return begin(request, false, null);
	}

	/**
	 * As {@link #begin(SessionStart)}; with {@code takeOver}, an active session another
	 * agent holds is continued too: handed to the caller's agent as a resume by that
	 * agent hands it over (the same checks and event), so that the previous agent's calls
	 * are refused from then on.
	 * @param expectedAgentId the agent the caller takes the session from, checked when
	 * given (so of two agents racing to take it over one wins); null: whichever holds it
	 */
	public Begun begin(SessionStart request, boolean takeOver, Long expectedAgentId) {
		this.drafts.validate(request);
		String taskCode = request.taskCode().toLowerCase(Locale.ROOT);
		// The task's row lock makes concurrent starts of one task take turns: one starts,
		// the others continue it.
		this.tasks.lockByCode(taskCode).orElseThrow(() -> new RuleBroken("task_code", "names no task"));
		Task task = this.tasks.findByCode(taskCode).orElseThrow();
		Agent agent = this.agents.find(this.identity.agentFor(request.agentId()))
			.orElseThrow(() -> new RuleBroken("agent_id", "names no agent"));
		Optional<WorkSession> active = SessionQueries.active(this.sessions.findByTask(task.id()));
		SessionStart.OnActive onActive = (request.onActive() != null) ? request.onActive()
				: SessionStart.OnActive.CONTINUE;
		if (active.isPresent()) {
			switch (onActive) {
				case CONTINUE:
					WorkSession held = active.get();
					if (Long.valueOf(agent.id()).equals(held.agentId())) {
						return new Begun(held, false, false);
					}
					if (!takeOver) {
						throw heldByAnother(held);
					}
					this.lifecycle.resume(held.sessionKey(), agent.id(),
							(expectedAgentId != null) ? expectedAgentId : held.agentId());
					return new Begun(this.sessions.findById(held.id()).orElseThrow(), false, true);
				case REJECT:
					throw new SessionAlreadyActive(task.taskCode(), active.get().sessionKey());
				case RESTART:
					WorkSession restarted = this.views.locked(active.get().sessionKey());
					this.identity.mayActOn(restarted);
					this.lifecycle.terminateForRestart(restarted, "restarted by " + RequestContext.actor());
			}
		}
		this.guards.forEach((guard) -> guard.starting(task));
		String key = "sess-" + UUID.randomUUID();
		OffsetDateTime now = Clocks.now(this.clock);
		String correlationId = RequestContext.correlationId();
		long id = this.sessions.insert(key, task.id(), agent.id(), correlationId, now);
		this.events.append(new NewEvent(EventTypes.SESSION_STARTED, EntityType.TASK, task.id(), task.taskCode(), key,
				agent.id(), this.json.newObject().put("session_key", key).put("started_at", now.toString()),
				correlationId));
		String processInstanceId = this.engine.startSession(key, String.valueOf(agent.id()),
				this.workflows.active().settings().staleAfter());
		this.sessions.processStarted(id, processInstanceId);
		WorkSession started = this.sessions.findById(id).orElseThrow();
		this.publisher.publishEvent(new SessionStarted(started));
		return new Begun(started, true, false);
	}

	/**
	 * The refusal of another agent's active session, with its holder's handle, since when
	 * it holds the session and when the session last saw an action.
	 */
	private SessionHeldByAnotherAgent heldByAnother(WorkSession session) {
		String handle = this.agents.find(session.agentId()).map(Agent::handle).orElse(null);
		OffsetDateTime since = this.actions.lastHandOver(session.sessionKey())
			.filter((handOver) -> session.agentId().equals(handOver.agentId()))
			.map(SessionActions.HandOver::at)
			.orElse(session.startedAt());
		OffsetDateTime last = this.actions.latest(session.sessionKey(), 1)
			.stream()
			.findFirst()
			.map(SessionActions.Action::emittedAt)
			.orElse(null);
		return new SessionHeldByAnotherAgent(session, handle, since, last);
	}

	/**
	 * Stores an artifact of the session's current phase, replacing one of the same name.
	 */
	@Transactional
	public SessionArtifact putArtifact(String sessionKey, ArtifactUpload upload) {
		this.drafts.validate(upload);
		WorkSession session = this.views.owned(sessionKey);
		requireActive(session);
		return store(session, upload);
	}

	/** Stores an artifact in the session's current phase; the caller holds the lock. */
	private SessionArtifact store(WorkSession session, ArtifactUpload upload) {
		OffsetDateTime now = Clocks.now(this.clock);
		String hash = ContentHash.sha256Hex(upload.content());
		boolean created = this.artifacts.put(session.id(), session.currentPhase(), session.currentIteration(),
				upload.name(), upload.content(), hash, now);
		// the agent's last actions show what it submitted
		this.sessionEvents.emit(session, EventTypes.ARTIFACT_SUBMITTED,
				this.json.newObject()
					.put("name", upload.name())
					.put("phase", session.currentPhase())
					.put("iteration", session.currentIteration())
					.put("content_hash", hash)
					.put("replaced", !created));
		// a new artifact is answered as written; a replaced one keeps its creation time
		return created
				? new SessionArtifact(session.currentPhase(), session.currentIteration(), upload.name(),
						upload.content(), hash, now, now)
				: this.artifacts.find(session.id(), upload.name()).orElseThrow();
	}

	/**
	 * Completes the session's current phase: the process checks it, then moves on, waits
	 * for an override decision, or sends the agent back to work (the check's errors are
	 * returned and the attempt is recorded).
	 */
	@Transactional
	public PhaseOutcome completePhase(String sessionKey, PhaseCompletion request) {
		this.drafts.validate(request);
		WorkSession session = this.views.owned(sessionKey);
		String phase = session.currentPhase();
		// the phase that decides QA (review) says so in workflow.yaml
		try {
			requireCompletable(session, request,
					(id) -> this.workflows.active().phase(id).map(PhaseConfig::qa).orElse(false));
		}
		catch (RuleBroken ex) {
			throw new CompletionRefused(ex, this.views.after(session, null).instructions());
		}
		storeAll(session, request.artifacts());
		// QA is decided where the phase says so (requireCompletable refused qa_status
		// elsewhere), so no other phase's completion sets it
		this.engine.completeWork(session.processInstanceId(),
				new WorkDone(request.overrideRequested(), request.reason(), request.qaStatus()));
		WorkSession after = this.sessions.findById(session.id()).orElseThrow();
		PhaseCheck check = after.lastCheck();
		PhaseOutcome.Result result = switch (check.result()) {
			case INVALID -> PhaseOutcome.Result.REFUSED;
			case APPROVAL -> PhaseOutcome.Result.AWAITING_OVERRIDE;
			case VALID, OVERRIDE -> PhaseOutcome.Result.MOVED_ON;
		};
		// once it moved on, the answer's banner says which phase is done
		SessionViews.Answer answer = this.views.after(after, (result == PhaseOutcome.Result.MOVED_ON) ? phase : null);
		return new PhaseOutcome(result, phase, answer.view(), check.errors(), check.warnings(), answer.instructions());
	}

	/**
	 * Ends the session: from the close phase by completing it (its check applies), or
	 * from any phase with {@code force}; {@code artifacts} are stored first, as with
	 * {@link #completePhase}.
	 */
	@Transactional
	public PhaseOutcome end(String sessionKey, boolean force, String reason, List<ArtifactUpload> artifacts) {
		WorkSession session = this.views.owned(sessionKey);
		if (force) {
			if (artifacts != null && !artifacts.isEmpty()) {
				this.drafts.validate(new PhaseCompletion(null, null, null, null, artifacts));
				requireActive(session);
				storeAll(session, artifacts);
			}
			SessionView ended = this.lifecycle.forceEnd(sessionKey, reason);
			return new PhaseOutcome(PhaseOutcome.Result.MOVED_ON, session.currentPhase(), ended.with(null), List.of(),
					List.of(), ended.instructions());
		}
		WorkflowDefinition workflow = this.workflows.active();
		String last = workflow.phases().get(workflow.phases().size() - 1).id();
		if (!last.equals(session.currentPhase())) {
			throw new SessionNotWaiting("The session is in phase " + session.currentPhase() + "; it ends as " + last
					+ " is completed (phaseflow phase complete), or early with force");
		}
		return completePhase(sessionKey, new PhaseCompletion(false, null, null, last, artifacts));
	}

	/**
	 * The command that completes the phase with an override; where the phase decides QA
	 * it carries the outcome, without which the override is refused as well.
	 */
	/**
	 * The instructions of a refused completion: the session's, then the override that
	 * takes the phase past its check (with the QA outcome where the phase decides QA:
	 * without it the override is refused again).
	 */
	public Instructions withOverride(PhaseOutcome refused) {
		Instructions instructions = refused.instructions();
		boolean qa = this.workflows.active().phase(refused.completedPhase()).map(PhaseConfig::qa).orElse(false);
		Map<String, Object> arguments = new LinkedHashMap<>();
		arguments.put("override", true);
		arguments.put("reason", "<why the check does not apply>");
		if (qa) {
			arguments.put("qa_status", SessionGuide.QA_ARGUMENT);
		}
		// right after the completion that fixes the errors, before the session's routine
		// steps
		List<String> commands = new ArrayList<>(instructions.suggestedCommands());
		commands.add(Math.min(1, commands.size()),
				"phaseflow phase complete --override --reason \"why the check does not apply\""
						+ (qa ? " " + SessionGuide.QA_OPTION : ""));
		List<Instructions.Call> calls = new ArrayList<>(instructions.next());
		calls.add(Math.min(1, calls.size()),
				Instructions.Call.completePhase(refused.session().sessionKey(), arguments));
		return new Instructions(instructions.nextActions(), commands, calls, instructions.contextReminder(),
				instructions.banner());
	}

	/** Locks the task's row until the transaction ends. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockTask(String taskCode) {
		this.tasks.lockByCode(Codes.normalize("task_code", taskCode))
			.orElseThrow(() -> new EntityNotFound("task", taskCode));
	}

	/**
	 * A draft of an artifact, rendered from the template workflow.yaml names for it with
	 * the session's task and iteration.
	 */
	@Transactional(readOnly = true)
	public String draft(String sessionKey, String name) {
		WorkSession session = this.views.find(sessionKey);
		String template = this.workflows.active()
			.phases()
			.stream()
			.flatMap((phase) -> phase.artifacts().all().stream())
			.filter((artifact) -> artifact.name().equals(name) && artifact.template() != null)
			.map(ArtifactSpec::template)
			.findFirst()
			.orElseThrow(() -> new EntityNotFound("artifact template", name));
		Task task = this.tasks.findByCode(session.taskCode()).orElseThrow();
		return this.documents.draft(template, task, session.currentIteration());
	}

	/**
	 * What a completion request must meet before the process sees it: a running session,
	 * in the phase the caller names, a reason with an override, and a QA status exactly
	 * where the phase decides QA.
	 */
	static void requireCompletable(WorkSession session, PhaseCompletion request, Predicate<String> decidesQa) {
		requireActive(session);
		String phase = session.currentPhase();
		boolean qa = decidesQa.test(phase);
		if (request.phase() != null && !request.phase().equals(phase)) {
			throw new SessionNotWaiting("The session is in phase " + phase + ", not " + request.phase());
		}
		if (request.overrideRequested() && (request.reason() == null || request.reason().isBlank())) {
			throw new RuleBroken("reason", "is required with override");
		}
		if (request.qaStatus() == null && qa) {
			throw new RuleBroken("qa_status", "is required to complete " + phase + ": qa_passed or qa_failed");
		}
		if (request.qaStatus() != null && !qa) {
			throw new RuleBroken("qa_status", "is only given when completing a phase that decides QA, not " + phase);
		}
	}

	private static void requireActive(WorkSession session) {
		if (session.status() != SessionStatus.RUNNING) {
			throw new SessionNotWaiting("The session is " + session.status().value());
		}
	}

	/**
	 * Stores artifacts sent with a completion (none when null), after checking that no
	 * name comes twice; the caller holds the lock.
	 */
	private void storeAll(WorkSession session, List<ArtifactUpload> uploads) {
		if (uploads == null) {
			return;
		}
		Set<String> names = new HashSet<>();
		for (ArtifactUpload upload : uploads) {
			if (!names.add(upload.name())) {
				throw new RuleBroken("artifacts", "names " + upload.name() + " more than once");
			}
		}
		uploads.forEach((upload) -> store(session, upload));
	}

	/** A started or continued session. */
	public record Started(SessionView session, boolean created) {
	}

	/**
	 * A session as started or continued, whether it was started by the call, and whether
	 * the call took it over from another agent.
	 */
	public record Begun(WorkSession session, boolean created, boolean takenOver) {
	}

	/** An artifact as submitted. */
	public record ArtifactUpload(
			@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,199}",
					message = "must be a plain file name (letters, digits, '.', '_', '-')") String name,
			@NotNull @Size(max = MAX_ARTIFACT_CHARACTERS) String content) {

		/** The largest artifact, in characters: a long markdown document, not a dump. */
		public static final int MAX_ARTIFACT_CHARACTERS = 500_000;

	}

}
