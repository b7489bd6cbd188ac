package io.phaseflow.session;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.phaseflow.common.Codes;
import io.phaseflow.common.EntityNotFound;
import io.phaseflow.common.RuleBroken;
import io.phaseflow.event.EventLog;
import io.phaseflow.event.EventScope;
import io.phaseflow.event.EventTypes;
import io.phaseflow.session.phase.SessionArtifact;
import io.phaseflow.session.phase.SessionArtifacts;
import io.phaseflow.task.Task;
import io.phaseflow.task.Tasks;
import io.phaseflow.workflow.WorkflowEngine;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading sessions: one session, a task's or a sprint's sessions, a session's artifacts,
 * event scope and process diagram.
 */
@Service
public class SessionQueries {

	private final WorkSessions sessions;

	private final SessionViews views;

	private final Tasks tasks;

	private final WorkflowEngine engine;

	private final SessionArtifacts artifacts;

	private final EventLog events;

	SessionQueries(WorkSessions sessions, SessionViews views, Tasks tasks, WorkflowEngine engine,
			SessionArtifacts artifacts, EventLog events) {
		this.events = events;
		this.artifacts = artifacts;
		this.sessions = sessions;
		this.views = views;
		this.tasks = tasks;
		this.engine = engine;
	}

	/**
	 * The latest session of each task of the sprint, by task code; tasks that never had a
	 * session are absent.
	 */
	@Transactional(readOnly = true)
	public Map<String, WorkSession> latestOfSprint(String sprintCode) {
		Map<String, WorkSession> latest = new HashMap<>();
		this.sessions.findBySprint(Codes.normalize("sprint_code", sprintCode))
			.forEach((session) -> latest.put(session.taskCode(), session));
		return latest;
	}

	/**
	 * The sessions the filter matches, newest first: those that have not ended, or, with
	 * {@code ended}, the latest {@code limit} that have.
	 */
	@Transactional(readOnly = true)
	public List<WorkSession> listed(SessionFilter filter, boolean ended, int limit) {
		return this.sessions.findListed(filter, ended, limit);
	}

	/**
	 * Whether the session's stale-phase timer fired in the phase it is in now: its latest
	 * {@code orchestration.session.stale} event names that phase and came after the phase
	 * began. An ended session is never stale.
	 */
	@Transactional(readOnly = true)
	public boolean stale(WorkSession session) {
		if (session.status().isTerminal() || session.currentPhase() == null) {
			return false;
		}
		OffsetDateTime phaseBegan = session.startedAt();
		for (JsonNode entry : session.phaseHistory()) {
			phaseBegan = OffsetDateTime.parse(entry.path("completed_at").asText());
		}
		OffsetDateTime since = phaseBegan;
		return this.events.latestOf(session.sessionKey(), List.of(EventTypes.SESSION_STALE))
			.filter((event) -> session.currentPhase().equals(event.payload().path("phase").asText()))
			.filter((event) -> !event.emittedAt().isBefore(since))
			.isPresent();
	}

	@Transactional(readOnly = true)
	public List<SessionView> ofTask(String taskCode) {
		Task task = this.tasks.findByCode(Codes.normalize("task_code", taskCode))
			.orElseThrow(() -> new EntityNotFound("task", taskCode));
		return this.sessions.findByTask(task.id()).stream().map(this.views::view).toList();
	}

	/**
	 * The event scope of a session that works on the given task.
	 * @throws RuleBroken naming {@code session_key} if there is no such session or it
	 * works on another task
	 */
	@Transactional(readOnly = true)
	public EventScope scope(String sessionKey, String taskCode) {
		WorkSession session = this.sessions.findByKey(sessionKey)
			.orElseThrow(() -> new RuleBroken("session_key", "names no session"));
		if (!taskCode.equalsIgnoreCase(session.taskCode())) {
			throw new RuleBroken("session_key", "names a session of another task");
		}
		return new EventScope(session.sessionKey(), session.agentId(), session.correlationId());
	}

	/** The session's process as a PNG, its current phase highlighted. */
	@Transactional(readOnly = true)
	public byte[] diagram(String sessionKey) {
		WorkSession session = this.views.find(sessionKey);
		return this.engine.diagram(session.processInstanceId(),
				session.status().isTerminal() ? null : session.currentPhase());
	}

	@Transactional(readOnly = true)
	public SessionView get(String sessionKey) {
		return this.views.view(this.views.find(sessionKey));
	}

	@Transactional(readOnly = true)
	public List<SessionArtifact> artifacts(String sessionKey) {
		return this.artifacts.list(this.views.find(sessionKey).id());
	}

	@Transactional(readOnly = true)
	public SessionArtifact artifact(String sessionKey, String name) {
		return this.artifacts.find(this.views.find(sessionKey).id(), name)
			.orElseThrow(() -> new EntityNotFound("artifact", name));
	}

	/**
	 * The key of the session a report on the task belongs to: its session that has not
	 * ended, else its latest one; none for a task that never had a session.
	 */
	@Transactional(readOnly = true)
	public Optional<String> reportingSessionKey(String taskCode) {
		return this.tasks.findByCode(Codes.normalize("task_code", taskCode)).flatMap((task) -> {
			List<WorkSession> all = this.sessions.findByTask(task.id());
			return active(all).or(() -> all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1)));
		}).map(WorkSession::sessionKey);
	}

	/** The latest of a task's sessions (oldest first) that has not ended. */
	static Optional<WorkSession> active(List<WorkSession> sessions) {
		return sessions.stream().filter((session) -> !session.status().isTerminal()).reduce((first, second) -> second);
	}

}
