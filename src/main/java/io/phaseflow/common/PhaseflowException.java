package io.phaseflow.common;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request that cannot be carried out for a reason the caller can act on. The web layer
 * turns it into an RFC 7807 problem with the given status and field errors.
 */
public abstract class PhaseflowException extends RuntimeException {

	private final HttpStatus status;

	private final List<FieldError> errors;

	protected PhaseflowException(HttpStatus status, String detail, List<FieldError> errors) {
		super(detail);
		this.status = status;
		this.errors = List.copyOf(errors);
	}

	public HttpStatus status() {
		return this.status;
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

}
