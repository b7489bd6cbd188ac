package io.phaseflow.session;

import io.phaseflow.common.WireValue;

/**
 * Where a work session stands. Terminal statuses set {@code completed_at}.
 */
public enum SessionStatus implements WireValue {

	RUNNING, PAUSED, AWAITING_OVERRIDE, COMPLETED, FAILED, TERMINATED;

	public boolean isTerminal() {
		return this == COMPLETED || this == FAILED || this == TERMINATED;
	}

}
