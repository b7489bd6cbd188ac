package io.phaseflow.event;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Deterministic sampling of frequent events: with rate r, the n-th occurrence (from 1) is
 * kept when ⌈n·r⌉ grows, so the first one is always kept and exactly a fraction r of them
 * in all, with no randomness to make tests or audits flaky.
 */
public final class Sampling {

	private Sampling() {
	}

	/** Whether the n-th occurrence is kept at the given rate (0 to 1). */
	public static boolean keeps(long n, double rate) {
		if (n < 1) {
			return false;
		}
		BigDecimal r = BigDecimal.valueOf(Math.max(0, Math.min(1, rate)));
		return BigDecimal.valueOf(n)
			.multiply(r)
			.setScale(0, RoundingMode.CEILING)
			.compareTo(BigDecimal.valueOf(n - 1).multiply(r).setScale(0, RoundingMode.CEILING)) > 0;
	}

}
