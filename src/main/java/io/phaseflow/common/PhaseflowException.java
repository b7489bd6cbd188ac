package io.phaseflow.common;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request that cannot be carried out for a reason the caller can act on. It names the
 * kind of refusal, not a protocol's status: the REST API turns it into an RFC 7807
 * problem, the pages into an error page, each in its own terms.
 */
public abstract class PhaseflowException extends RuntimeException {

	private final Kind kind;

	private final List<FieldError> errors;

	protected PhaseflowException(Kind kind, String detail, List<FieldError> errors) {
		super(detail);
		this.kind = kind;
		this.errors = List.copyOf(errors);
	}

	public Kind kind() {
		return this.kind;
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	/** A short, stable title for the kind of problem. */
	public abstract String title();

	/**
	 * More members of the problem, beside {@code errors} (e.g. the caller's next
	 * instructions); none by default.
	 */
	public Map<String, Object> properties() {
		return Map.of();
	}

	/** What the caller can do about it, if there is one thing to do. */
	public Optional<NextStep> nextStep() {
		return Optional.empty();
	}

	/** What kind of refusal it is. */
	public enum Kind {

		/** The request names something that does not exist. */
		NOT_FOUND,
		/** A parameter of the request is malformed. */
		MALFORMED,
		/** The request is well formed but breaks a rule on its content. */
		INVALID,
		/** The caller may not do this. */
		NOT_ALLOWED,
		/** The state of things does not allow it now: another change, owner or run. */
		CONFLICT,
		/** The caller asks for more than its share. */
		TOO_MANY,
		/** The server cannot serve it now; a later try may succeed. */
		UNAVAILABLE

	}

}
