package io.phaseflow.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.event.EntityType;
import io.phaseflow.event.EventLog;
import io.phaseflow.event.NewEvent;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a session's events: about its task, under its key, agent and correlation id.
 */
@Component
public class SessionEvents {

	private final EventLog events;

	SessionEvents(EventLog events) {
		this.events = events;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void emit(WorkSession session, String eventType, ObjectNode payload) {
		this.events.append(new NewEvent(eventType, EntityType.TASK, session.taskId(), session.taskCode(),
				session.sessionKey(), session.agentId(), payload, session.correlationId()));
	}

}
