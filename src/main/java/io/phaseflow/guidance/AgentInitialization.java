package io.phaseflow.guidance;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.phaseflow.agent.AgentRegistry;
import io.phaseflow.common.Codes;
import io.phaseflow.common.Drafts;
import io.phaseflow.common.EntityNotFound;
import io.phaseflow.common.JsonDocuments;
import io.phaseflow.common.RuleBroken;
import io.phaseflow.event.EventTypes;
import io.phaseflow.report.StatusReport;
import io.phaseflow.report.StatusReports;
import io.phaseflow.session.Instructions;
import io.phaseflow.session.SessionEvents;
import io.phaseflow.session.SessionManagement;
import io.phaseflow.session.SessionStart;
import io.phaseflow.session.SessionViews;
import io.phaseflow.session.WorkSession;
import io.phaseflow.session.access.AgentIdentity;
import io.phaseflow.sprint.Sprint;
import io.phaseflow.sprint.Sprints;
import io.phaseflow.task.TaskStatus;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agent init: on a task, starts (or continues) its session and returns the assembled
 * context with instructions; on a sprint, returns the sprint's context without a session.
 */
@Service
public class AgentInitialization {

	private final SessionManagement sessions;

	private final SessionViews views;

	private final ContextBroker broker;

	private final SessionEvents events;

	private final AgentRegistry agents;

	private final Sprints sprints;

	private final StatusReports reports;

	private final JsonDocuments json;

	private final Drafts drafts;

	private final AgentIdentity identity;

	private final ContextAssembled assembled;

	AgentInitialization(SessionManagement sessions, SessionViews views, ContextBroker broker, SessionEvents events,
			AgentRegistry agents, Sprints sprints, StatusReports reports, JsonDocuments json, Drafts drafts,
			AgentIdentity identity, ContextAssembled assembled) {
		this.assembled = assembled;
		this.identity = identity;
		this.sessions = sessions;
		this.views = views;
		this.broker = broker;
		this.events = events;
		this.agents = agents;
		this.sprints = sprints;
		this.reports = reports;
		this.json = json;
		this.drafts = drafts;
	}

	@Transactional
	public Answer init(AgentInitRequest request) {
		this.drafts.validate(request);
		if (request.takesOver() && request.entityType() == AgentInitRequest.Target.SPRINT) {
			throw new RuleBroken("take_over", "applies to a task's session, not to a sprint");
		}
		if (request.expectedAgentId() != null && !request.takesOver()) {
			throw new RuleBroken("expected_agent_id", "is only given with take_over: true");
		}
		if (request.entityType() == AgentInitRequest.Target.SPRINT) {
			return sprint(request);
		}
		SessionManagement.Begun begun = this.sessions.begin(
				new SessionStart(request.entityCode(), request.agentId(), SessionStart.OnActive.CONTINUE),
				request.takesOver(), request.expectedAgentId());
		WorkSession session = begun.session();
		this.events.emit(session, EventTypes.AGENT_INITIALIZED,
				this.json.newObject()
					.put("entity_type", "task")
					.put("entity_code", session.taskCode())
					.put("session_key", session.sessionKey())
					.put("continued", !begun.created())
					.put("taken_over", begun.takenOver()));
		InitSession summary = new InitSession(session.sessionKey(), "task", session.taskCode(), session.agentId(),
				session.startedAt(), session.status().value(), session.currentPhase(), !begun.created(),
				begun.takenOver());
		Answer answer = answer(summary, session);
		this.assembled.onInit(session, answer.context(), !begun.created());
		return answer;
	}

	/**
	 * The context of a session, for an agent that recovers it. Not read-only: the read
	 * may be recorded ({@link ContextAssembled}).
	 */
	@Transactional
	public Answer context(String sessionKey) {
		WorkSession session = this.views.find(sessionKey);
		InitSession summary = new InitSession(session.sessionKey(), "task", session.taskCode(), session.agentId(),
				session.startedAt(), session.status().value(), session.currentPhase(), true, false);
		Answer answer = answer(summary, session);
		this.assembled.onRead(session, answer.context());
		return answer;
	}

	/**
	 * The context and instructions of a session, from one look at its task, its time
	 * (which reads the marks among all of its task's sessions' events) and its artifacts.
	 */
	private Answer answer(InitSession summary, WorkSession session) {
		ContextBroker.Situation situation = this.broker.situation(session);
		return new Answer(summary, this.broker.context(situation), this.broker.instructions(situation, null));
	}

	private Answer sprint(AgentInitRequest request) {
		this.agents.find(this.identity.agentFor(request.agentId()))
			.orElseThrow(() -> new RuleBroken("agent_id", "names no agent"));
		String code = Codes.normalize("entity_code", request.entityCode());
		Sprint sprint = this.sprints.findByCode(code).orElseThrow(() -> new EntityNotFound("sprint", code));
		StatusReport report = this.reports.of(code);
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("sprint", ContextBroker.sprintContext(sprint));
		context.put("summary", report.summary());
		context.put("tasks", report.tasks());
		List<String> open = report.tasks()
			.stream()
			.filter((line) -> line.status() == TaskStatus.PENDING || line.status() == TaskStatus.IN_PROGRESS)
			.map(StatusReport.Line::taskCode)
			.limit(3)
			.toList();
		List<String> next = open.stream().map((task) -> "phaseflow init T:" + task).toList();
		List<Instructions.Call> calls = open.stream()
			.map((task) -> new Instructions.Call("init", Map.of("task_code", task),
					"POST /api/orchestration/agent/init"))
			.toList();
		context.put("next_steps", next.isEmpty() ? List.of("Every task of the sprint is done or blocked") : next);
		return new Answer(null, context, new Instructions(List.of("Pick a task of the sprint and init on it"), next,
				calls, new Instructions.Reminder(null, null, null), null));
	}

	/**
	 * The session an agent init started or continued.
	 *
	 * @param takenOver whether the init took it over from another agent (the context's
	 * {@code previous_agent} names that agent)
	 */
	public record InitSession(String key, String entityType, String entityCode, Long agentId, OffsetDateTime createdAt,
			String status, String currentPhase, boolean continued, boolean takenOver) {
	}

	/**
	 * The answer to agent init: session (null for a sprint), context and instructions.
	 */
	public record Answer(InitSession session, Map<String, Object> context, Instructions instructions) {
	}

}
