package io.phaseflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Concurrent clients running rounds of work: for a time, or until a number of rounds is
 * done. A round that fails is counted and logged, and the client goes on.
 */
final class Load {

	private static final int ERRORS_KEPT = 5;

	private Load() {
	}

	/** One client's round of work. */
	@FunctionalInterface
	interface Round {

		void run(int client, int round) throws Exception;

	}

	/**
	 * @param rounds rounds that completed
	 * @param seconds wall time of the whole run
	 * @param errors rounds that failed
	 * @param firstErrors the first few failures
	 */
	record Result(long rounds, double seconds, long errors, List<String> firstErrors) {
	}

	/** Each client runs rounds back to back for {@code duration}. */
	static Result run(int clients, Duration duration, Round work) throws InterruptedException {
		long deadline = System.nanoTime() + duration.toNanos();
		AtomicInteger next = new AtomicInteger();
		return run(clients, () -> (System.nanoTime() < deadline) ? next.getAndIncrement() : -1, work);
	}

	/** The clients share {@code total} rounds, numbered from {@code first}. */
	static Result run(int clients, int total, Round work, int first) throws InterruptedException {
		AtomicInteger next = new AtomicInteger(first);
		int end = first + total;
		return run(clients, () -> {
			int round = next.getAndIncrement();
			return (round < end) ? round : -1;
		}, work);
	}

	private interface Rounds {

		/** The next round's number, or -1 when there are no more. */
		int next();

	}

	private static Result run(int clients, Rounds rounds, Round work) throws InterruptedException {
		AtomicLong done = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		List<String> errors = Collections.synchronizedList(new ArrayList<>());
		List<Thread> threads = new ArrayList<>();
		long started = System.nanoTime();
		for (int i = 0; i < clients; i++) {
			int client = i;
			Thread thread = new Thread(() -> {
				for (int round = rounds.next(); round >= 0; round = rounds.next()) {
					try {
						work.run(client, round);
						done.incrementAndGet();
					}
					catch (Exception ex) {
						failed.incrementAndGet();
						if (errors.size() < ERRORS_KEPT) {
							errors.add(ex.getMessage());
							Bench.progress("client %d, round %d failed: %s", client, round, ex.getMessage());
						}
					}
				}
			}, "bench-client-" + i);
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		return new Result(done.get(), seconds, failed.get(), List.copyOf(errors));
	}

}
