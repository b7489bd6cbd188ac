package io.phaseflow.session;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.phaseflow.event.EventLog;
import io.phaseflow.event.EventQuery;
import io.phaseflow.event.EventTypes;
import io.phaseflow.event.OrchestrationEvent;

import org.springframework.stereotype.Component;

/**
 * A session's history in words, for an agent that picks the session up: its last actions
 * (artifacts, phase completions and QA outcomes, logs, notes), and its latest hand-over.
 */
@Component
public class SessionActions {

	/**
	 * Events that are never an action: reading the session, handing it over, refusing
	 * others, writing files, and the status-specific twins of
	 * {@code orchestration.session.end}.
	 */
	private static final Set<String> BOOKKEEPING = Set.of(EventTypes.AGENT_INITIALIZED, EventTypes.CONTEXT_ASSEMBLED,
			EventTypes.SESSION_RESUMED, EventTypes.ACCESS_REFUSED, EventTypes.FILE_SYNCED, EventTypes.TASK_STARTED,
			EventTypes.SESSION_COMPLETED, EventTypes.SESSION_TERMINATED, EventTypes.sessionEnded("failed"));

	/**
	 * Events read per action wanted: a phase's completion takes up to four (its QA
	 * outcome, its end, the new iteration and the next phase's start).
	 */
	private static final int EVENTS_PER_ACTION = 4;

	/** However few actions they hold, no more events than this are read. */
	private static final int MAX_EVENTS = 1000;

	/** The resumes read to find the latest hand-over among them. */
	private static final int RESUMES = 50;

	/** Longer notes are cut: the session's notes have them whole. */
	private static final int TEXT = 100;

	private final EventLog events;

	SessionActions(EventLog events) {
		this.events = events;
	}

	/**
	 * The session's latest {@code count} actions, newest first. The events are read from
	 * the newest back, more of them while too few are actions.
	 */
	public List<Action> latest(String sessionKey, int count) {
		int window = (count + 1) * EVENTS_PER_ACTION;
		while (true) {
			List<OrchestrationEvent> newestFirst = this.events.latestExcept(sessionKey, BOOKKEEPING, window);
			List<OrchestrationEvent> oldestFirst = new ArrayList<>(newestFirst);
			Collections.reverse(oldestFirst);
			List<Action> actions = words(oldestFirst);
			// one action more than wanted: the oldest read may lack the event before it
			if (actions.size() > count || newestFirst.size() < window || window >= MAX_EVENTS) {
				Collections.reverse(actions);
				return actions.stream().limit(count).toList();
			}
			window = Math.min(window * 4, MAX_EVENTS);
		}
	}

	/** The session's latest hand-over from one agent to another, if it had one. */
	public Optional<HandOver> lastHandOver(String sessionKey) {
		List<OrchestrationEvent> resumes = this.events
			.latest(new EventQuery(null, null, EventTypes.SESSION_RESUMED, sessionKey, null, 0, RESUMES));
		for (int i = resumes.size() - 1; i >= 0; i--) {
			OrchestrationEvent resume = resumes.get(i);
			JsonNode payload = resume.payload();
			if (payload.hasNonNull("previous_agent_id") && payload.hasNonNull("agent_id")) {
				return Optional.of(new HandOver(payload.get("previous_agent_id").asLong(),
						payload.get("agent_id").asLong(), resume.emittedAt()));
			}
		}
		return Optional.empty();
	}

	/**
	 * The actions among the events, oldest first. A phase's end is told with the phase
	 * that follows it; a QA outcome stands for the end of its phase and the new iteration
	 * a failure starts.
	 */
	private static List<Action> words(List<OrchestrationEvent> events) {
		List<Action> actions = new ArrayList<>();
		Set<Long> told = new HashSet<>();
		for (int i = 0; i < events.size(); i++) {
			OrchestrationEvent event = events.get(i);
			if (told.contains(event.id())) {
				continue;
			}
			String text = text(event, events.subList(i + 1, events.size()), told);
			if (text != null) {
				actions.add(new Action(text, event.eventType(), event.emittedAt()));
			}
		}
		return actions;
	}

	/**
	 * The event in words, null when it is no action of its own; {@code later} are the
	 * events after it, and the ids of those it tells of as well go to {@code told}.
	 */
	private static String text(OrchestrationEvent event, List<OrchestrationEvent> later, Set<Long> told) {
		JsonNode payload = event.payload();
		String phase = payload.path("phase").asText();
		String type = event.eventType();
		switch (type) {
			case EventTypes.SESSION_STARTED:
				return "started the session";
			case EventTypes.ARTIFACT_SUBMITTED:
				return (payload.path("replaced").asBoolean() ? "replaced " : "submitted ")
						+ payload.path("name").asText();
			case EventTypes.ACTIVITY_LOGGED:
				return "logged " + payload.path("activity_type").asText();
			case EventTypes.ITERATION_LOGGED:
				// the iteration a failed review starts is told with the review
				return "qa_failed".equals(payload.path("reason").asText()) ? null
						: "logged iteration " + payload.path("iteration").asText()
								+ (payload.hasNonNull("status") ? " (" + payload.get("status").asText() + ")" : "");
			case EventTypes.SESSION_NOTE_ADDED:
				return "note: " + excerpt(payload.path("text").asText());
			case EventTypes.SESSION_CONTEXT_UPDATED:
				return "update: " + excerpt(payload.path("text").asText());
			case EventTypes.PHASE_VALIDATION_FAILED:
				// a check that asks for a reviewer is told as the override request
				return "approval".equals(payload.path("result").asText()) ? null
						: "completing " + phase + " was refused (" + fields(payload) + ")";
			case EventTypes.PHASE_OVERRIDE_REQUESTED:
				return "asked to override " + phase + " (" + fields(payload) + "), waiting for a reviewer";
			case EventTypes.PHASE_OVERRIDE:
				return "override of " + phase + ("reviewer".equals(payload.path("approval").asText())
						? " approved by " + payload.path("decided_by").asText() : " granted");
			case EventTypes.PHASE_OVERRIDE_REJECTED:
				return "override of " + phase + " rejected"
						+ (payload.hasNonNull("comment") ? ": " + excerpt(payload.get("comment").asText()) : "");
			case EventTypes.SESSION_TRANSITIONED:
				return "moved from " + payload.path("from_phase").asText() + " to " + payload.path("to_phase").asText()
						+ " by " + payload.path("by").asText() + ": " + excerpt(payload.path("reason").asText());
			case EventTypes.SESSION_PAUSED:
				return "paused the session";
			case EventTypes.SESSION_STALE:
				return "went stale in " + phase;
			case EventTypes.SESSION_END:
				return "session " + payload.path("status").asText() + " (" + payload.path("reason").asText() + ")";
			case EventTypes.TASK_STATUS_UPDATED:
				// a report carries notes; a status the session's start set does not
				String notes = payload.path("notes").asText("");
				return notes.isBlank() ? null
						: "reported task " + payload.path("new_status").asText() + ": " + excerpt(notes);
			default:
				return type.startsWith(EventTypes.PHASE_PREFIX) ? phaseText(type, phase, payload, later, told) : type;
		}
	}

	/**
	 * A phase's own event in words: its end or QA outcome with the phase that followed;
	 * its start and other declared events are no action.
	 */
	private static String phaseText(String type, String phase, JsonNode payload, List<OrchestrationEvent> later,
			Set<Long> told) {
		Optional<OrchestrationEvent> next = later.stream()
			.filter((event) -> event.eventType()
				.equals(EventTypes.phase(event.payload().path("phase").asText(), "start")))
			.findFirst();
		String nextPhase = next.map((event) -> event.payload().path("phase").asText()).orElse(null);
		if (type.equals(EventTypes.phase(phase, "end"))) {
			return "completed " + phase + ((nextPhase != null) ? " (moved to " + nextPhase + ")" : "");
		}
		boolean passed = type.equals(EventTypes.phase(phase, "qa_passed"));
		if (!passed && !type.equals(EventTypes.phase(phase, "qa_failed"))) {
			return null;
		}
		later.stream()
			.filter((event) -> event.eventType().equals(EventTypes.phase(phase, "end")))
			.findFirst()
			.ifPresent((end) -> told.add(end.id()));
		if (passed) {
			return phase + " passed QA" + ((nextPhase != null) ? " (moved to " + nextPhase + ")" : "");
		}
		return phase + " failed QA" + ((nextPhase != null)
				? ": back to " + nextPhase + ", iteration " + next.get().payload().path("iteration").asText() : "");
	}

	/** The fields a phase check found wanting. */
	private static String fields(JsonNode check) {
		List<String> fields = new ArrayList<>();
		check.path("errors").forEach((error) -> fields.add(error.path("field").asText()));
		return fields.stream().collect(Collectors.joining(", "));
	}

	/** The text on one line, cut to {@value #TEXT} characters. */
	private static String excerpt(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		return (line.length() > TEXT) ? line.substring(0, TEXT - 1) + "…" : line;
	}

	/**
	 * An action of a session.
	 *
	 * @param text what was done, in words (e.g. {@code submitted PLAN.md})
	 * @param eventType the event that records it
	 */
	public record Action(String text, String eventType, OffsetDateTime emittedAt) {
	}

	/** A session handed from one agent to another, at a time. */
	public record HandOver(long previousAgentId, long agentId, OffsetDateTime at) {
	}

}
