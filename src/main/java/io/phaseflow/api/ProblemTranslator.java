package io.phaseflow.api;

import java.util.Optional;

import org.springframework.http.ProblemDetail;

/**
 * Turns exceptions of a library the API layer does not know (the process engine's) into
 * problems, so that {@link ProblemAdvice} stays the one place failures become answers.
 */
public interface ProblemTranslator {

	/** The problem the exception means, or empty if it is not one of this library's. */
	Optional<ProblemDetail> translate(Exception ex);

}
