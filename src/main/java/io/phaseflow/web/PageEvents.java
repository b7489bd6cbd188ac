package io.phaseflow.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.phaseflow.event.EventLog;
import io.phaseflow.event.EventQuery;
import io.phaseflow.event.EventStreamProperties;
import io.phaseflow.event.EventStreams;
import io.phaseflow.event.EventTypes;
import io.phaseflow.event.OrchestrationEvent;
import io.phaseflow.event.web.SseEventSink;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * A page's live notice of changes: a server-sent {@code change} event (its type, task and
 * session, no payload) for every task, session or phase event, so that the page fetches
 * what it shows again. It is the API's event stream under the page's login (EventSource
 * sends no bearer token), with the same limits per token.
 */
@Component
class PageEvents {

	private static final List<String> PREFIXES = List.of("orchestration.task.", "orchestration.session.",
			EventTypes.PHASE_PREFIX);

	private final EventStreams streams;

	private final EventStreamProperties properties;

	private final EventLog events;

	PageEvents(EventStreams streams, EventStreamProperties properties, EventLog events) {
		this.streams = streams;
		this.properties = properties;
		this.events = events;
	}

	/**
	 * The id a page's stream resumes after: read before the page reads what it shows, so
	 * that nothing that happens while it renders is missed.
	 */
	long lastId() {
		return this.events.lastId();
	}

	/**
	 * A stream of change notices for the signed-in user {@code owner}, of the events
	 * after {@code afterId}: the {@code Last-Event-ID} of a reconnecting browser, else
	 * the id the page was rendered at.
	 */
	SseEmitter open(String owner, String lastEventId, Long afterId) throws IOException {
		Long after = afterId;
		if (lastEventId != null && lastEventId.strip().matches("[0-9]{1,18}")) {
			after = Long.valueOf(lastEventId.strip());
		}
		return SseEventSink.open(this.streams, new EventQuery(null, null, null, null, null, 0, 1), after, owner,
				this.properties.timeout().toMillis(), PageEvents::notice);
	}

	/** The notice of a change, or null for an event that changes nothing a page shows. */
	private static SseEventBuilder notice(OrchestrationEvent event) {
		if (PREFIXES.stream().noneMatch(event.eventType()::startsWith)) {
			return null;
		}
		Map<String, Object> notice = new LinkedHashMap<>();
		notice.put("type", event.eventType());
		notice.put("entity_code", event.entityCode());
		notice.put("session_key", event.sessionKey());
		return SseEmitter.event().id(Long.toString(event.id())).name("change").data(notice, MediaType.APPLICATION_JSON);
	}

}
