package io.phaseflow.session.phase;

import java.util.List;

import io.phaseflow.common.FieldError;
import io.phaseflow.common.WireValue;

/**
 * The outcome of checking a phase's artifacts and fields when the agent completes it.
 *
 * @param result {@code valid}, {@code invalid} (back to work), {@code override} (logged,
 * moves on) or {@code approval} (waits for a reviewer)
 * @param errors what is missing or wrong
 * @param warnings what is missing but only worth a warning
 * @param candidateGroups who may approve an override, when {@code result} is
 * {@code approval}
 */
public record PhaseCheck(String phase, Result result, List<FieldError> errors, List<FieldError> warnings,
		List<String> candidateGroups) {

	/**
	 * What the check decided; its wire form is what the process's gateways compare
	 * ({@code ${phaseCheck == 'valid'}}).
	 */
	public enum Result implements WireValue {

		/** Every required artifact and field is there: the phase ends. */
		VALID,
		/** Something is missing and no override applies: back to work. */
		INVALID,
		/**
		 * Missing, but the agent's override needs no approval: logged, the phase ends.
		 */
		OVERRIDE,
		/** Missing, and the agent's override waits for a reviewer. */
		APPROVAL

	}

}
