package io.phaseflow.api;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.phaseflow.common.FieldError;
import io.phaseflow.common.PhaseflowException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds RFC 7807 problems with per-field {@code errors}, and writes them from places
 * that are not controllers (servlet filters, security entry points).
 */
@Component
public class ProblemResponses {

	private final ObjectMapper mapper;

	public ProblemResponses(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/** A problem with the given status, title, detail and field errors. */
	/** The HTTP status the API answers a refusal of this kind with. */
	public static HttpStatus status(PhaseflowException.Kind kind) {
		return switch (kind) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case MALFORMED -> HttpStatus.BAD_REQUEST;
			case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
			case NOT_ALLOWED -> HttpStatus.FORBIDDEN;
			case CONFLICT -> HttpStatus.CONFLICT;
			case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
			case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
		};
	}

	public static ProblemDetail problem(HttpStatus status, String title, String detail, List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setProperty("errors", List.copyOf(errors));
		return problem;
	}

	/**
	 * Writes a problem for one field (or none when {@code field} is null) straight to the
	 * response.
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
			String detail, String field) throws IOException {
		List<FieldError> errors = (field != null) ? List.of(new FieldError(field, detail)) : List.of();
		ProblemDetail problem = problem(status, title, detail, errors);
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.mapper.writeValue(response.getOutputStream(), problem);
	}

}
