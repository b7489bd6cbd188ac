package io.phaseflow.session.access;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.common.JsonDocuments;
import io.phaseflow.common.RequestContext;
import io.phaseflow.event.AfterRequestEvents;
import io.phaseflow.event.EntityType;
import io.phaseflow.event.EventTypes;
import io.phaseflow.event.NewEvent;
import io.phaseflow.session.OverridePending;
import io.phaseflow.session.WorkSession;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records the governance rules a caller ran into ({@code orchestration.access.refused}),
 * once the refused request has rolled back and changed nothing: the PM still sees who
 * tried what, in the session's timeline when there is a session.
 */
@Component
public class Refusals {

	/** The type of the events recorded here. */
	public static final String EVENT = EventTypes.ACCESS_REFUSED;

	private final AfterRequestEvents events;

	private final JsonDocuments json;

	private final Repeats repeats = new Repeats();

	Refusals(AfterRequestEvents events, JsonDocuments json) {
		this.events = events;
		this.json = json;
	}

	/** The rules a refusal names. */
	public enum Rule {

		/** A token bound to one agent named another. */
		AGENT_IDENTITY,
		/** A caller acted on a session another agent owns. */
		SESSION_OWNER,
		/** The agent that requested an override, or its token, tried to decide it. */
		FOUR_EYES,
		/** A task was to be completed while its session waits for a reviewer. */
		PENDING_OVERRIDE;

		String value() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * Records a refusal about a session and returns it, for the caller to throw.
	 */
	public <E extends RuntimeException> E recorded(Rule rule, WorkSession session, E refusal) {
		return recordedHere(rule, session, refusal);
	}

	private <E extends RuntimeException> E recordedHere(Rule rule, WorkSession session, E refusal) {
		String detail = refusal.getMessage();
		if (this.repeats.seenLately(rule + "|" + session.sessionKey())) {
			return refusal;
		}
		this.events.append(new NewEvent(EVENT, EntityType.TASK, session.taskId(), session.taskCode(),
				session.sessionKey(), RequestContext.agentId(),
				payload(rule, detail).put("owner_agent_id", session.agentId()), session.correlationId()));
		return refusal;
	}

	/** Records and returns the refusal of a change that would skip a pending decision. */
	public RuntimeException pendingOverride(WorkSession session) {
		return recordedHere(Rule.PENDING_OVERRIDE, session, new OverridePending(session));
	}

	/** Records a refusal outside any session, about the agent the caller acts for. */
	public void aboutAgent(Rule rule, String detail, Long requestedAgentId) {
		Long agentId = RequestContext.agentId();
		if (this.repeats.seenLately(rule + "|" + agentId + "|" + requestedAgentId)) {
			return;
		}
		this.events.append(new NewEvent(EVENT, EntityType.AGENT, agentId, null, null, agentId,
				payload(rule, detail).put("requested_agent_id", requestedAgentId), RequestContext.correlationId()));
	}

	private ObjectNode payload(Rule rule, String detail) {
		return this.json.newObject()
			.put("actor", RequestContext.actor())
			.put("rule", rule.value())
			.put("detail", detail)
			.put("token_agent_id", RequestContext.agentId());
	}

	/**
	 * The refusals recorded lately on this instance, so that a caller repeating one
	 * refused call (same rule, subject, caller, method and path) writes one event a
	 * minute, not one per call: a flood of refusals would bury the events a PM and a
	 * recovering agent read.
	 */
	private static final class Repeats {

		private static final long WINDOW = Duration.ofMinutes(1).toNanos();

		private static final int MAX_KEYS = 10_000;

		private final Map<String, Long> recorded = new HashMap<>();

		synchronized boolean seenLately(String what) {
			String key = what + "|" + RequestContext.actor() + "|" + request();
			long now = System.nanoTime();
			Long last = this.recorded.get(key);
			if (last != null && now - last < WINDOW) {
				return true;
			}
			if (this.recorded.size() >= MAX_KEYS) {
				this.recorded.clear();
			}
			this.recorded.put(key, now);
			return false;
		}

		private static String request() {
			return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
					? attributes.getRequest().getMethod() + " " + attributes.getRequest().getRequestURI() : "";
		}

	}

}
