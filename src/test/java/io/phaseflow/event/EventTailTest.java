package io.phaseflow.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events are released in id order, and a missing id holds back the ids above it while its
 * transaction may still commit.
 */
class EventTailTest {

	private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

	private final EventTail tail = new EventTail(10, Duration.ofSeconds(2), Duration.ofSeconds(60));

	@Test
	void releasesContiguousIdsAtOnce() {
		assertThat(ids(this.tail.advance(events(11, 12, 13), T0, null))).containsExactly(11L, 12L, 13L);
		assertThat(this.tail.released()).isEqualTo(13);
		assertThat(this.tail.waiting()).isFalse();
	}

	@Test
	void aLowerIdCommittingLateIsReleasedFirst() {
		assertThat(ids(this.tail.advance(events(11, 13), T0, null))).containsExactly(11L);
		assertThat(this.tail.waiting()).isTrue();
		Open open = new Open(1);
		assertThat(this.tail.advance(events(13), T0.plusSeconds(1), open)).isEmpty();
		// Past the grace period, but the transaction open then is still open.
		assertThat(this.tail.advance(events(13), T0.plusSeconds(5), new Open(1, 2))).isEmpty();
		assertThat(ids(this.tail.advance(events(12, 13), T0.plusSeconds(6), new Open(2)))).containsExactly(12L, 13L);
		assertThat(this.tail.waiting()).isFalse();
	}

	@Test
	void aRolledBackIdIsSkippedOnceItsTransactionsEndedAndTheGraceIsOver() {
		this.tail.advance(events(11, 14), T0, null);
		this.tail.advance(events(14), T0.plusMillis(100), new Open(7));
		// Its transactions ended, but the grace period is not over.
		assertThat(this.tail.advance(events(14), T0.plusSeconds(1), new Open())).isEmpty();
		assertThat(ids(this.tail.advance(events(14, 15), T0.plusSeconds(2), new Open()))).containsExactly(14L, 15L);
		assertThat(this.tail.released()).isEqualTo(15);
	}

	@Test
	void aPartlyFilledGapKeepsWhenItWasSeen() {
		this.tail.advance(events(11, 15), T0, null);
		this.tail.advance(events(15), T0.plusMillis(100), new Open(7));
		assertThat(ids(this.tail.advance(events(12, 15), T0.plusSeconds(1), new Open(7)))).containsExactly(12L);
		assertThat(ids(this.tail.advance(events(15), T0.plusSeconds(2), new Open()))).containsExactly(15L);
	}

	@Test
	void noGapIsWaitedForLongerThanTheMaximum() {
		this.tail.advance(events(11, 13), T0, null);
		this.tail.advance(events(13), T0.plusSeconds(1), new Open(1));
		assertThat(this.tail.advance(events(13), T0.plusSeconds(59), new Open(1))).isEmpty();
		assertThat(ids(this.tail.advance(events(13), T0.plusSeconds(60), new Open(1)))).containsExactly(13L);
	}

	private static List<OrchestrationEvent> events(long... ids) {
		return Arrays.stream(ids)
			.mapToObj((id) -> new OrchestrationEvent(id, "orchestration.task.updated", EntityType.TASK, 1L, "t-1", "c",
					null, null, null, null))
			.toList();
	}

	private static List<Long> ids(List<OrchestrationEvent> events) {
		return events.stream().map(OrchestrationEvent::id).toList();
	}

	/**
	 * Open transactions by id: ended since an earlier reading when none of its ids is
	 * left.
	 */
	private record Open(List<Integer> ids) implements OpenTransactions.Reading {

		Open(Integer... ids) {
			this(List.of(ids));
		}

		@Override
		public boolean endedSince(OpenTransactions.Reading earlier) {
			return ((Open) earlier).ids().stream().noneMatch(this.ids::contains);
		}

	}

}
