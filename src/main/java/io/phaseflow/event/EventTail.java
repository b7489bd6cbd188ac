package io.phaseflow.event;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the event log in id order and releases an event only when no lower id can still
 * appear. Ids are taken when events are inserted but become visible when their
 * transactions commit, so a higher id may be seen before a lower one. A missing id (a
 * gap) holds back everything above it until the id shows up, or until the gap is older
 * than the grace period and every transaction that was open when it was seen has ended
 * (the transaction rolled back), or, at the latest, until the maximum wait has passed.
 * Everything released is therefore released in id order, with nothing lower released
 * later, unless a transaction stays open longer than the maximum wait after a higher id
 * committed.
 */
final class EventTail {

	private static final Logger log = LoggerFactory.getLogger(EventTail.class);

	private final Duration grace;

	private final Duration maxWait;

	private final List<Gap> gaps = new ArrayList<>();

	private long released;

	EventTail(long released, Duration grace, Duration maxWait) {
		this.released = released;
		this.grace = grace;
		this.maxWait = maxWait;
	}

	/** The highest id released: every id up to it is released or known to be missing. */
	long released() {
		return this.released;
	}

	/**
	 * Whether a gap is waited for, so the next call needs a reading of open transactions.
	 */
	boolean waiting() {
		return !this.gaps.isEmpty();
	}

	/**
	 * Releases what can be released.
	 * @param fetched events with ids above {@link #released()}, in id order, read after
	 * {@code reading} was taken
	 * @param now the current time
	 * @param reading the open transactions, read just before {@code fetched} (null when
	 * {@link #waiting()} was false)
	 * @return the released events, in id order
	 */
	List<OrchestrationEvent> advance(List<OrchestrationEvent> fetched, Instant now, OpenTransactions.Reading reading) {
		if (reading != null) {
			this.gaps.stream().filter((gap) -> gap.open == null).forEach((gap) -> gap.open = reading);
		}
		List<OrchestrationEvent> out = new ArrayList<>();
		for (OrchestrationEvent event : fetched) {
			if (event.id() <= this.released) {
				continue;
			}
			if (event.id() > this.released + 1 && !passed(gapBelow(event.id(), now), now, reading)) {
				break;
			}
			out.add(event);
			this.released = event.id();
		}
		this.gaps.removeIf((gap) -> gap.last <= this.released);
		return out;
	}

	private Gap gapBelow(long id, Instant now) {
		long first = this.released + 1;
		for (Gap gap : this.gaps) {
			if (gap.first <= first && first <= gap.last) {
				return gap;
			}
		}
		Gap gap = new Gap(first, id - 1, now);
		this.gaps.add(gap);
		return gap;
	}

	private boolean passed(Gap gap, Instant now, OpenTransactions.Reading reading) {
		Duration waited = Duration.between(gap.seen, now);
		if (waited.compareTo(this.maxWait) >= 0) {
			log.warn(
					"Event ids {} to {} were waited for {} and are skipped by the event stream; "
							+ "if their transaction still commits, GET /events shows them",
					this.released + 1, gap.last, this.maxWait);
			return true;
		}
		boolean passed = waited.compareTo(this.grace) >= 0 && gap.open != null && reading != null
				&& reading.endedSince(gap.open);
		if (passed) {
			log.debug("Event ids {} to {} were never committed", this.released + 1, gap.last);
		}
		return passed;
	}

	/**
	 * Ids {@code first} to {@code last} missing since {@code seen}, with the transactions
	 * open soon after (read at the next call, so that a transaction that took an id just
	 * before the gap was seen is among them).
	 */
	private static final class Gap {

		final long first;

		final long last;

		final Instant seen;

		OpenTransactions.Reading open;

		Gap(long first, long last, Instant seen) {
			this.first = first;
			this.last = last;
			this.seen = seen;
		}

	}

}
