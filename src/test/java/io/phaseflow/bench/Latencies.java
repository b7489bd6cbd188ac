package io.phaseflow.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Call times by name, kept whole (a run records at most a few hundred thousand), so that
 * percentiles are exact.
 */
final class Latencies {

	private final Map<String, long[]> times = new LinkedHashMap<>();

	private final Map<String, Integer> counts = new LinkedHashMap<>();

	synchronized void record(String call, long nanos) {
		long[] kept = this.times.computeIfAbsent(call, (c) -> new long[1024]);
		int count = this.counts.getOrDefault(call, 0);
		if (count == kept.length) {
			kept = Arrays.copyOf(kept, kept.length * 2);
			this.times.put(call, kept);
		}
		kept[count] = nanos;
		this.counts.put(call, count + 1);
	}

	/** Count, p50, p99 and max in milliseconds, by call. */
	synchronized Map<String, Summary> summary() {
		Map<String, Summary> summaries = new LinkedHashMap<>();
		this.times.forEach((call, kept) -> summaries.put(call, Summary.of(Arrays.copyOf(kept, this.counts.get(call)))));
		return summaries;
	}

	/** Percentiles of one call's times. */
	record Summary(int count, double p50Ms, double p99Ms, double maxMs) {

		static Summary of(long[] nanos) {
			Arrays.sort(nanos);
			if (nanos.length == 0) {
				return new Summary(0, 0, 0, 0);
			}
			return new Summary(nanos.length, millis(percentile(nanos, 50)), millis(percentile(nanos, 99)),
					millis(nanos[nanos.length - 1]));
		}

		/** Nearest-rank percentile of sorted values. */
		static long percentile(long[] sorted, int p) {
			int rank = (int) Math.ceil(p / 100.0 * sorted.length);
			return sorted[Math.max(0, rank - 1)];
		}

		private static double millis(long nanos) {
			return Math.round(nanos / 10_000.0) / 100.0;
		}

	}

}
