package io.phaseflow.session;

import java.util.Map;

import io.phaseflow.common.RuleBroken;

/**
 * A phase's completion asked for something the session's state or the phase's rules do
 * not allow (a QA outcome missing, an override without its reason): the refusal carries
 * the session's instructions, so the caller's next step is one that works.
 */
class CompletionRefused extends RuleBroken {

	private final Instructions instructions;

	CompletionRefused(RuleBroken refusal, Instructions instructions) {
		super(refusal.getMessage(), refusal.errors());
		this.instructions = instructions;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("instructions", this.instructions);
	}

}
