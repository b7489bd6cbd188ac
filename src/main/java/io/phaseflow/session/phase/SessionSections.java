package io.phaseflow.session.phase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.phaseflow.agent.Agent;
import io.phaseflow.agent.AgentRegistry;
import io.phaseflow.files.CurrentSessions;
import io.phaseflow.files.SessionSection;
import io.phaseflow.session.SessionStatus;
import io.phaseflow.session.SessionTransitions;
import io.phaseflow.session.WorkSession;
import io.phaseflow.session.WorkSessions;
import io.phaseflow.task.Task;
import io.phaseflow.workflow.PhaseConfig;
import io.phaseflow.workflow.WorkflowDefinition;
import io.phaseflow.workflow.deployment.Workflows;

import org.springframework.stereotype.Component;

/**
 * Builds TASK.md's Session section: from the process's variables at a file step of the
 * session process, or from the latest session's row when the file is written otherwise.
 */
@Component
class SessionSections implements CurrentSessions {

	private final WorkSessions sessions;

	private final AgentRegistry agents;

	private final Workflows workflows;

	SessionSections(WorkSessions sessions, AgentRegistry agents, Workflows workflows) {
		this.sessions = sessions;
		this.agents = agents;
		this.workflows = workflows;
	}

	@Override
	public Optional<SessionSection> of(Task task) {
		List<WorkSession> all = this.sessions.findByTask(task.id());
		return all.isEmpty() ? Optional.empty() : Optional.of(of(all.get(all.size() - 1), null, null));
	}

	/**
	 * The section for the session.
	 * @param phase the phase the process runs, or null for the session's current phase
	 * @param qaStatus the process's QA outcome, or null to read it from the phase history
	 */
	SessionSection of(WorkSession session, String phase, String qaStatus) {
		WorkflowDefinition workflow = this.workflows.active();
		List<String> completed = new ArrayList<>();
		JsonNode lastReview = null;
		for (JsonNode entry : session.phaseHistory()) {
			String name = entry.path("phase").asText();
			if (entry.path("iteration").asInt() == session.currentIteration()
					&& !entry.has(SessionTransitions.REOPENED_AT)) {
				completed.add(name);
			}
			if (workflow.phase(name).map(PhaseConfig::qa).orElse(false)) {
				lastReview = entry;
			}
		}
		// the process's qaStatus is set by every phase's completion: it is the review's
		// outcome only once a review was done
		String qa = null;
		if (lastReview != null) {
			qa = (qaStatus != null) ? qaStatus
					: (lastReview.path("iteration").asInt() < session.currentIteration()) ? "qa_failed" : "qa_passed";
		}
		String reason = (session.status() == SessionStatus.AWAITING_OVERRIDE && session.lastCheck() != null)
				? session.lastCheck().reason() : null;
		String agent = (session.agentId() != null) ? this.agents.find(session.agentId()).map(Agent::handle).orElse(null)
				: null;
		return new SessionSection(session.sessionKey(), session.status().value(),
				(phase != null) ? phase : session.currentPhase(), session.currentIteration(), completed, qa, agent,
				reason);
	}

}
