package io.phaseflow.event.web;

import java.io.IOException;
import java.util.List;

import io.phaseflow.api.ProblemResponses;
import io.phaseflow.common.Codes;
import io.phaseflow.common.InvalidParameter;
import io.phaseflow.common.PageQuery;
import io.phaseflow.common.PhaseflowException;
import io.phaseflow.common.RequestContext;
import io.phaseflow.common.WireValue;
import io.phaseflow.event.EntityType;
import io.phaseflow.event.EventLog;
import io.phaseflow.event.EventQuery;
import io.phaseflow.event.EventSlice;
import io.phaseflow.event.EventStreamProperties;
import io.phaseflow.event.EventStreams;
import io.phaseflow.event.OrchestrationEvent;
import io.phaseflow.event.TooManyStreams;
import io.phaseflow.event.TooManyStreamsOfToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Reads the event log: filtered pages, session timelines and the live stream.
 */
@RestController
@RequestMapping("/api/orchestration/events")
@Tag(name = "Events")
class EventController {

	private final EventLog events;

	private final EventStreams streams;

	private final EventStreamProperties streamProperties;

	EventController(EventLog events, EventStreams streams, EventStreamProperties streamProperties) {
		this.events = events;
		this.streams = streams;
		this.streamProperties = streamProperties;
	}

	@GetMapping
	@Operation(summary = "Page through events, oldest first, filtered by entity, type, session or correlation id")
	EventPage list(@RequestParam(name = "entity_type", required = false) String entityType,
			@RequestParam(name = "entity_code", required = false) String entityCode,
			@RequestParam(name = "event_type", required = false) String eventType,
			@RequestParam(name = "session_key", required = false) String sessionKey,
			@RequestParam(name = "correlation_id", required = false) String correlationId,
			@RequestParam(name = "after_id", defaultValue = "0") @PositiveOrZero long afterId,
			@RequestParam(defaultValue = PageQuery.DEFAULT_LIMIT) @Min(1) @Max(PageQuery.MAX_LIMIT) int limit) {
		return page(query(entityType, entityCode, eventType, sessionKey, correlationId, afterId, limit));
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Stream events as they are committed (server-sent events), in id order, with the filters of "
			+ "GET /events; Last-Event-ID (or after_id) first replays what came after that event")
	SseEmitter stream(@RequestParam(name = "entity_type", required = false) String entityType,
			@RequestParam(name = "entity_code", required = false) String entityCode,
			@RequestParam(name = "event_type", required = false) String eventType,
			@RequestParam(name = "session_key", required = false) String sessionKey,
			@RequestParam(name = "correlation_id", required = false) String correlationId,
			@RequestParam(name = "after_id", required = false) @PositiveOrZero Long afterId,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, HttpServletResponse response)
			throws IOException {
		EventQuery filter = query(entityType, entityCode, eventType, sessionKey, correlationId, 0, 1);
		Long after = (lastEventId != null) ? Long.valueOf(lastEventId(lastEventId)) : afterId;
		SseEmitter emitter = SseEventSink.open(this.streams, filter, after, RequestContext.actor(),
				this.streamProperties.timeout().toMillis(), SseEventSink::asIs);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Accel-Buffering", "no");
		return emitter;
	}

	@ExceptionHandler({ TooManyStreams.class, TooManyStreamsOfToken.class })
	ResponseEntity<ProblemDetail> tooManyStreams(PhaseflowException ex) {
		return ResponseEntity.status(ProblemResponses.status(ex.kind()))
			.header(HttpHeaders.RETRY_AFTER, "5")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemResponses.problem(ProblemResponses.status(ex.kind()), ex.title(), ex.getMessage(),
					ex.errors()));
	}

	@GetMapping("/session/{sessionKey}")
	@Operation(summary = "The timeline of one work session, oldest first")
	EventPage session(@PathVariable String sessionKey,
			@RequestParam(name = "after_id", defaultValue = "0") @PositiveOrZero long afterId,
			@RequestParam(defaultValue = "1000") @Min(1) @Max(PageQuery.MAX_LIMIT) int limit) {
		return page(new EventQuery(null, null, null, sessionKey, null, afterId, limit));
	}

	private static EventQuery query(String entityType, String entityCode, String eventType, String sessionKey,
			String correlationId, long afterId, int limit) {
		return new EventQuery(entityType(entityType), Codes.normalizeOptional("entity_code", entityCode),
				text("event_type", eventType), text("session_key", sessionKey), text("correlation_id", correlationId),
				afterId, limit);
	}

	/**
	 * A filter value as given; control characters (which no stored value has) are
	 * refused.
	 */
	private static String text(String parameter, String value) {
		if (value != null && value.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidParameter(parameter, "must not contain control characters");
		}
		return value;
	}

	private static long lastEventId(String value) {
		try {
			long id = Long.parseLong(value.trim());
			if (id >= 0) {
				return id;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw new InvalidParameter("Last-Event-ID", "must be an event id (a whole number, 0 or more)");
	}

	private EventPage page(EventQuery query) {
		EventSlice slice = this.events.find(query);
		return new EventPage(slice.events(), slice.nextAfterId());
	}

	private static EntityType entityType(String value) {
		if (value == null) {
			return null;
		}
		try {
			return WireValue.parse(EntityType.class, value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidParameter("entity_type", "must be one of: " + WireValue.allOf(EntityType.class));
		}
	}

	/**
	 * A page of events; {@code next_after_id} is the {@code after_id} of the next page,
	 * or null when this page is the last. A page holds fewer events than asked for when
	 * their payloads reach {@code phaseflow.limits.max-event-page-size}.
	 */
	record EventPage(List<OrchestrationEvent> data, Long nextAfterId) {
	}

}
