package io.phaseflow.timetracking;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Active time from a session's events: paused time and time waiting for an override
 * decision are left out, and the rest counts for the phase the session was in.
 */
class ActiveTimeTest {

	private static final OffsetDateTime START = OffsetDateTime.parse("2026-03-02T09:00:00Z");

	@Test
	void pausesAndOverrideDecisionsDoNotCount() {
		List<ActiveTime.Mark> marks = marks("orchestration.session.started", 0, "orchestration.phase.intake.start", 0,
				"orchestration.phase.intake.end", 10, "orchestration.phase.research.start", 10,
				"orchestration.session.paused", 15, "orchestration.session.resumed", 75,
				"orchestration.phase.validation_failed", 78, "orchestration.phase.override.requested", 80,
				"orchestration.phase.override", 125, "orchestration.phase.research.end", 125,
				"orchestration.phase.plan.start", 125);
		ActiveTime.Tally tally = ActiveTime.of(START, START.plusMinutes(132), marks);
		assertThat(tally.minutes()).isEqualTo(10 + 5 + 5 + 7);
		assertThat(tally.minutesByPhase()).containsExactly(Map.entry("intake", 10L), Map.entry("research", 10L),
				Map.entry("plan", 7L));
	}

	@Test
	void aRejectedOverrideRestartsTheClockAndAReviewLoopAddsUp() {
		List<ActiveTime.Mark> marks = marks("orchestration.phase.execute.start", 0,
				"orchestration.phase.override.requested", 5, "orchestration.phase.override.rejected", 30,
				"orchestration.phase.review.start", 40, "orchestration.phase.execute.start", 50);
		ActiveTime.Tally tally = ActiveTime.of(START, START.plusMinutes(53), marks);
		assertThat(tally.minutesByPhase()).containsExactly(Map.entry("execute", 5L + 10 + 3), Map.entry("review", 10L));
		assertThat(tally.minutes()).isEqualTo(28);
	}

	@Test
	void aTransitionThatCancelsAWaitingOverrideRestartsTheClock() {
		List<ActiveTime.Mark> marks = marks("orchestration.phase.plan.start", 0,
				"orchestration.phase.override.requested", 5, "orchestration.session.transitioned", 45,
				"orchestration.phase.research.start", 45);
		ActiveTime.Tally tally = ActiveTime.of(START, START.plusMinutes(60), marks);
		assertThat(tally.minutesByPhase()).containsExactly(Map.entry("plan", 5L), Map.entry("research", 15L));
	}

	@Test
	void aSessionThatEndsWhilePausedStopsAtThePause() {
		List<ActiveTime.Mark> marks = marks("orchestration.phase.intake.start", 0, "orchestration.session.paused", 20);
		assertThat(ActiveTime.of(START, START.plusMinutes(90), marks).minutes()).isEqualTo(20);
	}

	@Test
	void marksOutsideTheSessionAndAnEndBeforeTheStartCountNothingExtra() {
		List<ActiveTime.Mark> marks = marks("orchestration.phase.intake.start", -5, "orchestration.phase.plan.start",
				30);
		ActiveTime.Tally tally = ActiveTime.of(START, START.plusMinutes(20), marks);
		assertThat(tally.minutes()).isEqualTo(20);
		assertThat(tally.minutesByPhase()).containsEntry("intake", 20L).containsEntry("plan", 0L);
		assertThat(ActiveTime.of(START, START.minusMinutes(1), List.of()).minutes()).isZero();
	}

	@Test
	void onlyClockEventsMakeMarks() {
		assertThat(ActiveTime.Mark.of("orchestration.phase.security-review.start", START))
			.hasValueSatisfying((mark) -> assertThat(mark.phase()).isEqualTo("security-review"));
		assertThat(ActiveTime.Mark.of("orchestration.phase.override.requested", START))
			.hasValueSatisfying((mark) -> assertThat(mark.change()).isEqualTo(ActiveTime.Change.AWAITING));
		assertThat(ActiveTime.Mark.of("orchestration.phase.validation_failed", START)).isEmpty();
		assertThat(ActiveTime.Mark.of("orchestration.phase..start", START)).isEmpty();
		assertThat(ActiveTime.Mark.of("orchestration.session.note_added", START)).isEmpty();
	}

	private static List<ActiveTime.Mark> marks(Object... typesAndMinutes) {
		List<ActiveTime.Mark> marks = new ArrayList<>();
		for (int i = 0; i < typesAndMinutes.length; i += 2) {
			ActiveTime.Mark.of((String) typesAndMinutes[i], START.plusMinutes((Integer) typesAndMinutes[i + 1]))
				.ifPresent(marks::add);
		}
		return marks;
	}

}
