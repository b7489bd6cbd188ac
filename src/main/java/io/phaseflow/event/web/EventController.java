package io.phaseflow.event.web;

import java.util.List;

import io.phaseflow.common.Codes;
import io.phaseflow.common.InvalidParameter;
import io.phaseflow.common.WireValue;
import io.phaseflow.event.EntityType;
import io.phaseflow.event.EventLog;
import io.phaseflow.event.EventQuery;
import io.phaseflow.event.OrchestrationEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads the event log: filtered pages and session timelines.
 */
@RestController
@RequestMapping("/api/orchestration/events")
@Tag(name = "Events")
class EventController {

	private static final int MAX_LIMIT = 1000;

	private final EventLog events;

	EventController(EventLog events) {
		this.events = events;
	}

	@GetMapping
	@Operation(summary = "Page through events, oldest first, filtered by entity, type, session or correlation id")
	EventPage list(@RequestParam(name = "entity_type", required = false) String entityType,
			@RequestParam(name = "entity_code", required = false) String entityCode,
			@RequestParam(name = "event_type", required = false) String eventType,
			@RequestParam(name = "session_key", required = false) String sessionKey,
			@RequestParam(name = "correlation_id", required = false) String correlationId,
			@RequestParam(name = "after_id", defaultValue = "0") @PositiveOrZero long afterId,
			@RequestParam(defaultValue = "100") @Min(1) @Max(MAX_LIMIT) int limit) {
		return page(new EventQuery(entityType(entityType), Codes.normalizeOptional("entity_code", entityCode),
				eventType, sessionKey, correlationId, afterId, limit));
	}

	@GetMapping("/session/{sessionKey}")
	@Operation(summary = "The timeline of one work session, oldest first")
	EventPage session(@PathVariable String sessionKey,
			@RequestParam(name = "after_id", defaultValue = "0") @PositiveOrZero long afterId,
			@RequestParam(defaultValue = "1000") @Min(1) @Max(MAX_LIMIT) int limit) {
		return page(new EventQuery(null, null, null, sessionKey, null, afterId, limit));
	}

	private EventPage page(EventQuery query) {
		List<OrchestrationEvent> data = this.events.find(query);
		Long next = (data.size() == query.limit()) ? data.get(data.size() - 1).id() : null;
		return new EventPage(data, next);
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
	 * or null when this page is the last.
	 */
	record EventPage(List<OrchestrationEvent> data, Long nextAfterId) {
	}

}
