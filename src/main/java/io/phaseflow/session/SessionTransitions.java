package io.phaseflow.session;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.common.Clocks;
import io.phaseflow.common.Drafts;
import io.phaseflow.common.JsonDocuments;
import io.phaseflow.common.RequestContext;
import io.phaseflow.common.RuleBroken;
import io.phaseflow.event.EventTypes;
import io.phaseflow.workflow.SessionNotWaiting;
import io.phaseflow.workflow.WorkflowDefinition;
import io.phaseflow.workflow.WorkflowEngine;
import io.phaseflow.workflow.deployment.Workflows;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A PM's move of a session to another phase of its workflow: back to an earlier phase
 * (rework), on to the next one, or further on when workflow.yaml's
 * {@code settings.allow_phase_skip} is true. The session's process really moves (its
 * running phase instance ends, the target phase is entered as the flow would enter it),
 * and the session row, the process and the events change in one transaction under the
 * session's row lock, so a transition and a phase completion take turns.
 */
@Service
public class SessionTransitions {

	/**
	 * The key a phase history entry gets when a transition back to that phase (or an
	 * earlier one) reopens it: the entry stays as a record of the earlier pass, but the
	 * phase counts as not completed in the iteration until it is completed again.
	 */
	public static final String REOPENED_AT = "reopened_at";

	/** Where a session can be moved from: the agent works, or a reviewer decides. */
	private static final Set<SessionStatus> MOVABLE = Set.of(SessionStatus.RUNNING, SessionStatus.AWAITING_OVERRIDE);

	private final SessionViews views;

	private final WorkSessions sessions;

	private final WorkflowEngine engine;

	private final Workflows workflows;

	private final SessionEvents events;

	private final JsonDocuments json;

	private final Drafts drafts;

	private final Clock clock;

	SessionTransitions(SessionViews views, WorkSessions sessions, WorkflowEngine engine, Workflows workflows,
			SessionEvents events, JsonDocuments json, Drafts drafts, Clock clock) {
		this.views = views;
		this.sessions = sessions;
		this.engine = engine;
		this.workflows = workflows;
		this.events = events;
		this.json = json;
		this.drafts = drafts;
		this.clock = clock;
	}

	/**
	 * Moves the session to {@code request.toPhase()}. Emits
	 * {@code orchestration.session.transitioned}, then
	 * {@code orchestration.phase.<phase>.skipped} for each phase a forward move jumps
	 * over (they stay out of the phase history), then the process's own
	 * {@code <phase>.start}. An override waiting for a reviewer is cancelled with the
	 * phase it belongs to.
	 * @throws RuleBroken (422) without a reason or for a phase workflow.yaml does not
	 * have
	 * @throws IllegalSessionTransition (409) unless the session runs or awaits an
	 * override
	 * @throws TransitionRefused (409) to the phase it is in, or past phases it may not
	 * skip
	 */
	@Transactional
	public SessionView transition(String sessionKey, PhaseTransition request) {
		this.drafts.validate(request);
		WorkflowDefinition workflow = this.workflows.active();
		List<String> phases = workflow.phaseIds();
		String to = request.toPhase();
		if (!phases.contains(to)) {
			throw new RuleBroken("to_phase", "must be a phase of the workflow: " + String.join(", ", phases));
		}
		WorkSession session = this.views.locked(sessionKey);
		if (!MOVABLE.contains(session.status())) {
			throw new IllegalSessionTransition("moved to another phase", session.status());
		}
		String from = session.currentPhase();
		if (to.equals(from)) {
			throw TransitionRefused.alreadyIn(session);
		}
		int fromIndex = phases.indexOf(from);
		if (fromIndex < 0) {
			throw new SessionNotWaiting(
					"The " + from + " phase is no longer configured in workflow.yaml; end or terminate the session");
		}
		int toIndex = phases.indexOf(to);
		List<String> skipped = (toIndex > fromIndex + 1) ? phases.subList(fromIndex + 1, toIndex) : List.of();
		if (!skipped.isEmpty() && !workflow.settings().allowPhaseSkip()) {
			throw TransitionRefused.skipNotAllowed(from, to, skipped);
		}
		OffsetDateTime now = Clocks.now(this.clock);
		reopen(session, phases.subList(toIndex, phases.size()), now);
		String by = RequestContext.actor();
		ObjectNode payload = this.json.newObject()
			.put("from_phase", from)
			.put("to_phase", to)
			.put("reason", request.reason())
			.put("by", by)
			.put("direction", (toIndex < fromIndex) ? "back" : "forward")
			.put("iteration", session.currentIteration())
			.put("override_cancelled", session.status() == SessionStatus.AWAITING_OVERRIDE);
		payload.set("skipped_phases", this.json.tree(skipped));
		this.events.emit(session, EventTypes.SESSION_TRANSITIONED, payload);
		for (String phase : skipped) {
			this.events.emit(session, EventTypes.phase(phase, EventTypes.SKIPPED),
					this.json.newObject()
						.put("phase", phase)
						.put("to_phase", to)
						.put("reason", request.reason())
						.put("by", by));
		}
		// the process's enter step marks the target phase current, running again, and
		// emits its start
		this.engine.moveToPhase(session.processInstanceId(), to);
		return this.views.view(session.id());
	}

	/**
	 * Marks the history entries of the current iteration for the given phases as
	 * reopened, so that completing them again records and announces them again.
	 */
	private void reopen(WorkSession session, List<String> phases, OffsetDateTime now) {
		ArrayNode history = ((ArrayNode) session.phaseHistory()).deepCopy();
		boolean changed = false;
		for (JsonNode entry : history) {
			if (phases.contains(entry.path("phase").asText()) && !entry.has(REOPENED_AT)
					&& entry.path("iteration").asInt() == session.currentIteration()) {
				((ObjectNode) entry).put(REOPENED_AT, now.toString());
				changed = true;
			}
		}
		if (changed) {
			this.sessions.phaseHistoryChanged(session.id(), history, now);
		}
	}

}
