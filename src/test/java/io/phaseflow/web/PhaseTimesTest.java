package io.phaseflow.web;

import java.time.Duration;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.phaseflow.session.SessionStatus;
import io.phaseflow.session.SessionView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The time per phase the session page shows, worked out from the phase history.
 */
class PhaseTimesTest {

	private static final OffsetDateTime START = OffsetDateTime.parse("2025-03-01T09:00:00Z");

	@Test
	void aPhaseRunsFromTheEndOfThePreviousOneAndTheCurrentOneUntilNow() {
		SessionView session = session(SessionStatus.RUNNING, "plan", 1, null, "intake", 1, 10, "research", 1, 70);
		var spans = PhaseTimes.spans(session, START.plusMinutes(100));
		assertThat(spans).extracting(PhaseTimes.Span::phase, PhaseTimes.Span::duration, PhaseTimes.Span::current)
			.containsExactly(tuple("intake", Duration.ofMinutes(10), false),
					tuple("research", Duration.ofMinutes(60), false), tuple("plan", Duration.ofMinutes(30), true));
		assertThat(spans.get(2).until()).as("the current phase has not ended").isEmpty();
		assertThat(spans.get(0).from()).isEqualTo("2025-03-01 09:00:00 UTC");
	}

	@Test
	void phasesOfTheReviewLoopAddUpAndShareTheLongestPhasesBar() {
		SessionView session = session(SessionStatus.RUNNING, "execute", 2, null, "execute", 1, 40, "review", 1, 50);
		var totals = PhaseTimes.totals(PhaseTimes.spans(session, START.plusMinutes(70)));
		assertThat(totals).extracting(PhaseTimes.Total::phase, PhaseTimes.Total::duration, PhaseTimes.Total::percent)
			.containsExactly(tuple("execute", Duration.ofMinutes(60), 100),
					tuple("review", Duration.ofMinutes(10), 17));
	}

	@Test
	void anEndedSessionStopsTheClock() {
		OffsetDateTime ended = START.plusMinutes(25);
		SessionView closed = session(SessionStatus.COMPLETED, "close", 1, ended, "intake", 1, 5, "close", 1, 25);
		assertThat(PhaseTimes.spans(closed, START.plusDays(3))).extracting(PhaseTimes.Span::phase)
			.as("the completed close phase is not counted twice")
			.containsExactly("intake", "close");

		SessionView terminated = session(SessionStatus.TERMINATED, "research", 1, ended, "intake", 1, 5);
		var spans = PhaseTimes.spans(terminated, START.plusDays(3));
		assertThat(spans.get(1).duration()).isEqualTo(Duration.ofMinutes(20));
		assertThat(spans.get(1).current()).isFalse();
	}

	@Test
	void durationsAreWrittenInTheirTwoLargestUnits() {
		assertThat(Formats.duration(Duration.ofSeconds(12))).isEqualTo("12 s");
		assertThat(Formats.duration(Duration.ofSeconds(249))).isEqualTo("4 min 09 s");
		assertThat(Formats.duration(Duration.ofMinutes(65))).isEqualTo("1 h 05 min");
		assertThat(Formats.duration(Duration.ofHours(51))).isEqualTo("2 d 3 h");
		assertThat(Formats.duration(Duration.ofSeconds(-5))).isEqualTo("0 s");
	}

	/**
	 * A session started at {@link #START} whose history lists (phase, iteration, minutes
	 * after the start it completed).
	 */
	private static SessionView session(SessionStatus status, String currentPhase, int iteration,
			OffsetDateTime completedAt, Object... history) {
		ArrayNode entries = new ObjectMapper().createArrayNode();
		for (int i = 0; i < history.length; i += 3) {
			entries.addObject()
				.put("phase", (String) history[i])
				.put("iteration", (Integer) history[i + 1])
				.put("completed_at", START.plusMinutes((Integer) history[i + 2]).toString());
		}
		return new SessionView("sess-1", "task-1", 1L, status, currentPhase, null, null, iteration, iteration, entries,
				"corr-1", "pi-1", START, completedAt, START, null, null);
	}

}
