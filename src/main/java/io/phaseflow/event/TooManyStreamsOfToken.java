package io.phaseflow.event;

import java.util.List;

import io.phaseflow.common.PhaseflowException;
import io.phaseflow.common.PhaseflowException.Kind;

/**
 * The caller's token already holds as many event streams as one token may (HTTP 429).
 */
public class TooManyStreamsOfToken extends PhaseflowException {

	public TooManyStreamsOfToken(int max) {
		super(Kind.TOO_MANY,
				"Your token already holds " + max
						+ " event streams on this instance (phaseflow.events.stream.max-streams-per-token); "
						+ "close one before opening another",
				List.of());
	}

	@Override
	public String title() {
		return "Too many requests";
	}

}
