package io.phaseflow.session;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.phaseflow.common.FieldError;
import io.phaseflow.common.WireValue;

/**
 * The outcome of checking a phase's artifacts and fields when the agent completes it; the
 * session keeps its latest one.
 *
 * @param result {@code valid}, {@code invalid} (back to work), {@code override} (logged,
 * moves on) or {@code approval} (waits for a reviewer)
 * @param errors what is missing or wrong
 * @param warnings what is missing but only worth a warning
 * @param candidateGroups who may approve an override, when {@code result} is
 * {@code approval}
 * @param reason why the agent asked for an override, if it did
 */
public record PhaseCheck(String phase, Result result, List<FieldError> errors, List<FieldError> warnings,
		List<String> candidateGroups, @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {

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
