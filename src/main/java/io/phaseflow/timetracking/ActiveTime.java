package io.phaseflow.timetracking;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.phaseflow.event.EventTypes;

/**
 * A session's active time, worked out from its events: the time from its start to its end
 * (or now), less the time it was paused (paused → resumed) and the time it waited for a
 * reviewer's override decision (override requested → decided). Active time counts for the
 * phase the session was in, as entered by {@code orchestration.phase.<phase>.start}.
 */
public final class ActiveTime {

	private static final String PHASE = EventTypes.PHASE_PREFIX;

	private static final String START = ".start";

	/**
	 * The events that stop or restart the clock, and what each does. A PM's transition
	 * ends any wait for a reviewer: the override goes with the phase it was asked in.
	 */
	static final Map<String, Change> CLOCK_EVENTS = Map.of(EventTypes.SESSION_PAUSED, Change.PAUSED,
			EventTypes.SESSION_RESUMED, Change.RESUMED, EventTypes.PHASE_OVERRIDE_REQUESTED, Change.AWAITING,
			EventTypes.PHASE_OVERRIDE, Change.DECIDED, EventTypes.PHASE_OVERRIDE_REJECTED, Change.DECIDED,
			EventTypes.SESSION_TRANSITIONED, Change.DECIDED);

	/**
	 * A SQL {@code LIKE} pattern that every phase-entering event type matches
	 * ({@link Mark#of} checks the rest).
	 */
	static final String PHASE_START_LIKE = PHASE + "%" + START;

	private ActiveTime() {
	}

	/** What an event changes about the clock. */
	enum Change {

		/** The session entered a phase. */
		PHASE,
		/** The clock stops: paused. */
		PAUSED,
		/** The clock runs again: resumed. */
		RESUMED,
		/** The clock stops: a reviewer decides an override. */
		AWAITING,
		/** The clock runs again: the override was decided. */
		DECIDED

	}

	/** An event that changes the clock, at the time it was emitted. */
	record Mark(Change change, String phase, OffsetDateTime at) {

		/** The mark an event makes, if it makes one. */
		static Optional<Mark> of(String eventType, OffsetDateTime at) {
			Change change = CLOCK_EVENTS.get(eventType);
			if (change != null) {
				return Optional.of(new Mark(change, null, at));
			}
			if (eventType.startsWith(PHASE) && eventType.endsWith(START)
					&& eventType.length() > PHASE.length() + START.length()) {
				String phase = eventType.substring(PHASE.length(), eventType.length() - START.length());
				return Optional.of(new Mark(Change.PHASE, phase, at));
			}
			return Optional.empty();
		}

	}

	/**
	 * Active time in all and per phase, the phases in the order they were first entered
	 * (a phase entered but not worked in counts zero).
	 */
	public record Tally(Duration total, Map<String, Duration> byPhase) {

		static final Tally NONE = new Tally(Duration.ZERO, Map.of());

		public long minutes() {
			return this.total.toMinutes();
		}

		public Map<String, Long> minutesByPhase() {
			Map<String, Long> minutes = new LinkedHashMap<>();
			this.byPhase.forEach((phase, time) -> minutes.put(phase, time.toMinutes()));
			return minutes;
		}

	}

	/**
	 * The active time between {@code start} and {@code end} given the session's marks,
	 * oldest first. Marks outside the span are moved to its edges.
	 */
	static Tally of(OffsetDateTime start, OffsetDateTime end, List<Mark> marks) {
		Stopwatch stopwatch = new Stopwatch(start);
		for (Mark mark : marks) {
			stopwatch.runUntil(latest(stopwatch.from, earliest(mark.at(), end)));
			stopwatch.apply(mark);
		}
		stopwatch.runUntil(latest(stopwatch.from, end));
		return new Tally(stopwatch.total, stopwatch.byPhase);
	}

	/** Walks a session's marks, adding up the time while it runs. */
	private static final class Stopwatch {

		private final Map<String, Duration> byPhase = new LinkedHashMap<>();

		private Duration total = Duration.ZERO;

		private OffsetDateTime from;

		private String phase;

		private boolean paused;

		private boolean awaiting;

		Stopwatch(OffsetDateTime start) {
			this.from = start;
		}

		void runUntil(OffsetDateTime at) {
			if (!this.paused && !this.awaiting) {
				Duration worked = Duration.between(this.from, at);
				this.total = this.total.plus(worked);
				if (this.phase != null) {
					this.byPhase.merge(this.phase, worked, Duration::plus);
				}
			}
			this.from = at;
		}

		void apply(Mark mark) {
			switch (mark.change()) {
				case PHASE -> {
					this.phase = mark.phase();
					this.byPhase.putIfAbsent(this.phase, Duration.ZERO);
				}
				case PAUSED -> this.paused = true;
				case RESUMED -> this.paused = false;
				case AWAITING -> this.awaiting = true;
				case DECIDED -> this.awaiting = false;
			}
		}

	}

	private static OffsetDateTime earliest(OffsetDateTime a, OffsetDateTime b) {
		return a.isBefore(b) ? a : b;
	}

	private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
		return a.isAfter(b) ? a : b;
	}

}
