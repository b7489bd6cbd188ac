package io.phaseflow.guidance;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.common.JsonDocuments;
import io.phaseflow.event.EventTypes;
import io.phaseflow.event.Sampling;
import io.phaseflow.session.SessionEvents;
import io.phaseflow.session.WorkSession;

import org.springframework.stereotype.Component;

/**
 * Writes {@code orchestration.context.assembled}: which sections an agent was handed and
 * how large its reference docs were. On every agent init that starts a session; inits
 * that continue one and context reads, which an agent may repeat often, are sampled like
 * activity logs ({@link Sampling}, counting this server's).
 */
@Component
class ContextAssembled {

	private final ContextEventSettings settings;

	private final SessionEvents events;

	private final JsonDocuments json;

	private final AtomicLong reads = new AtomicLong();

	ContextAssembled(ContextEventSettings settings, SessionEvents events, JsonDocuments json) {
		this.settings = settings;
		this.events = events;
		this.json = json;
	}

	/**
	 * After an agent init assembled the session's context: always when it started the
	 * session, sampled when it continued one (an agent that inits again and again would
	 * otherwise fill its session's log, which every answer about the session reads).
	 */
	void onInit(WorkSession session, Map<String, Object> context, boolean continued) {
		if (this.settings.emitContextAssembled() && (!continued || sampled())) {
			emit(session, context, "init");
		}
	}

	/** After a read of the session's context. */
	void onRead(WorkSession session, Map<String, Object> context) {
		if (this.settings.emitContextAssembled() && sampled()) {
			emit(session, context, "read");
		}
	}

	private boolean sampled() {
		return Sampling.keeps(this.reads.incrementAndGet(), this.settings.contextSampleRate());
	}

	private void emit(WorkSession session, Map<String, Object> context, String trigger) {
		ObjectNode payload = this.json.newObject()
			.put("session_key", session.sessionKey())
			.put("phase", session.currentPhase())
			.put("trigger", trigger);
		ArrayNode sections = payload.putArray("sections");
		context.forEach((name, section) -> {
			if (section != null && !(section instanceof Collection<?> list && list.isEmpty())) {
				sections.add(name);
			}
		});
		payload.put("reference_doc_bytes", ContextBroker.referenceDocBytes(context));
		this.events.emit(session, EventTypes.CONTEXT_ASSEMBLED, payload);
	}

}
