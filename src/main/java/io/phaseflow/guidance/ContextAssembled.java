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
 * how large its reference docs were. On every agent init; context reads, which an agent
 * may repeat often, are sampled like activity logs ({@link Sampling}, counting this
 * server's reads).
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

	/** After an agent init assembled the session's context. */
	void onInit(WorkSession session, Map<String, Object> context) {
		if (this.settings.emitContextAssembled()) {
			emit(session, context, "init");
		}
	}

	/** After a read of the session's context. */
	void onRead(WorkSession session, Map<String, Object> context) {
		if (this.settings.emitContextAssembled()
				&& Sampling.keeps(this.reads.incrementAndGet(), this.settings.contextReadSampleRate())) {
			emit(session, context, "read");
		}
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
