package io.phaseflow.flowable;

import java.util.List;
import java.util.Optional;

import io.phaseflow.api.ProblemResponses;
import io.phaseflow.api.ProblemTranslator;
import io.phaseflow.common.FieldError;
import io.phaseflow.flowable.forms.FormFileHandlers;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.api.FlowableForbiddenException;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.flowable.common.engine.api.FlowableIllegalStateException;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException;
import org.flowable.common.rest.exception.FlowableConflictException;
import org.flowable.common.rest.exception.FlowableContentNotSupportedException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The process engine's exceptions as problems, from Phaseflow's API and from Flowable's
 * REST API alike: a transition that lost a race is a 409, never a 500. Only the engine's
 * own messages about the request are shown; anything else stays a logged 500 without
 * stack trace or SQL.
 */
@Component
class EngineProblems implements ProblemTranslator {

	@Override
	public Optional<ProblemDetail> translate(Exception ex) {
		if (ex instanceof FormFileHandlers.FormRejected rejected) {
			return problem(HttpStatus.BAD_REQUEST, "Bad request", ex.getMessage(), rejected.problems());
		}
		if (ex instanceof FlowableOptimisticLockingException || ex instanceof FlowableTaskAlreadyClaimedException
				|| ex instanceof FlowableConflictException || lostTaskRace(ex)) {
			return problem(HttpStatus.CONFLICT, "Conflict", "A concurrent change won; read the current state and retry",
					List.of());
		}
		if (ex instanceof FlowableObjectNotFoundException) {
			return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage(), List.of());
		}
		if (ex instanceof FlowableForbiddenException) {
			return problem(HttpStatus.FORBIDDEN, "Forbidden", ex.getMessage(), List.of());
		}
		if (ex instanceof FlowableContentNotSupportedException) {
			return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", ex.getMessage(), List.of());
		}
		if (ex instanceof NumberFormatException && thrownByFlowableRest(ex)) {
			return problem(HttpStatus.BAD_REQUEST, "Bad request", "A parameter that must be a number is not one",
					List.of());
		}
		if (ex instanceof FlowableIllegalArgumentException || ex instanceof FlowableIllegalStateException) {
			return problem(HttpStatus.BAD_REQUEST, "Bad request", ex.getMessage(), List.of());
		}
		return Optional.empty();
	}

	/**
	 * A task completion that read the task before a concurrent completion committed and
	 * its execution afterwards, when it already waits somewhere else: the engine then
	 * refuses to signal it with a plain {@link FlowableException} (seen under READ
	 * COMMITTED with two reviewers deciding at once). It lost the race, like an
	 * optimistic locking failure.
	 */
	private static boolean lostTaskRace(Exception ex) {
		return ex instanceof FlowableException && ex.getMessage() != null
				&& ex.getMessage().startsWith("UserTask should not be signalled before complete");
	}

	/**
	 * Flowable's REST API parses some query parameters ({@code start}, {@code size},
	 * {@code priority}, …) itself and lets a {@link NumberFormatException} escape when
	 * they are not numbers: the first frame outside the JDK is then Flowable's REST code.
	 */
	private static boolean thrownByFlowableRest(Exception ex) {
		for (StackTraceElement frame : ex.getStackTrace()) {
			String type = frame.getClassName();
			if (!type.startsWith("java.")) {
				return type.startsWith("org.flowable.") && type.contains(".rest.");
			}
		}
		return false;
	}

	private static Optional<ProblemDetail> problem(HttpStatus status, String title, String detail,
			List<FieldError> errors) {
		return Optional.of(ProblemResponses.problem(status, title, detail, errors));
	}

}
