package io.phaseflow.web;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.phaseflow.session.SessionView;

/**
 * How long a session spent in each phase, worked out from its phase history: a phase
 * starts when the one before it ends (the first when the session starts) and ends when
 * the history records it completed. The phase the session is in runs until now, or until
 * the session ended.
 */
final class PhaseTimes {

	private PhaseTimes() {
	}

	/**
	 * Every phase the session was in, in order, a phase of the review loop once a pass.
	 */
	static List<Span> spans(SessionView session, OffsetDateTime now) {
		List<Span> spans = new ArrayList<>();
		OffsetDateTime start = session.startedAt();
		for (JsonNode entry : session.phaseHistory()) {
			OffsetDateTime end = OffsetDateTime.parse(entry.path("completed_at").asText());
			spans.add(new Span(entry.path("phase").asText(), entry.path("iteration").asInt(), start, end, false));
			start = end;
		}
		if (session.currentPhase() != null && !completedLast(spans, session)) {
			boolean running = !session.status().isTerminal();
			OffsetDateTime end = (running || session.completedAt() == null) ? now : session.completedAt();
			spans.add(new Span(session.currentPhase(), session.currentIteration(), start, end, running));
		}
		return spans;
	}

	/** The time spent per phase, over all its passes, in the order the phases came. */
	static List<Total> totals(List<Span> spans) {
		Map<String, Duration> byPhase = new LinkedHashMap<>();
		spans.forEach((span) -> byPhase.merge(span.phase(), span.duration(), Duration::plus));
		Duration longest = byPhase.values().stream().max(Duration::compareTo).orElse(Duration.ZERO);
		return byPhase.entrySet()
			.stream()
			.map((phase) -> new Total(phase.getKey(), phase.getValue(), share(phase.getValue(), longest)))
			.toList();
	}

	private static boolean completedLast(List<Span> spans, SessionView session) {
		if (spans.isEmpty()) {
			return false;
		}
		Span last = spans.get(spans.size() - 1);
		return last.phase().equals(session.currentPhase()) && last.iteration() == session.currentIteration();
	}

	private static int share(Duration part, Duration whole) {
		return whole.isZero() ? 0 : (int) Math.round(100.0 * part.toMillis() / whole.toMillis());
	}

	/**
	 * One pass through a phase.
	 *
	 * @param current whether the session is in this phase now
	 */
	public record Span(String phase, int iteration, OffsetDateTime startedAt, OffsetDateTime endedAt, boolean current) {

		public Duration duration() {
			return Duration.between(this.startedAt, this.endedAt);
		}

		public String took() {
			return Formats.duration(duration());
		}

		public String from() {
			return Formats.at(this.startedAt);
		}

		public String until() {
			return this.current ? "" : Formats.at(this.endedAt);
		}

	}

	/**
	 * The time spent in one phase.
	 *
	 * @param percent the time as a share of the longest phase's, for a bar
	 */
	public record Total(String phase, Duration duration, int percent) {

		public String took() {
			return Formats.duration(this.duration);
		}

	}

}
