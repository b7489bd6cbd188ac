package io.phaseflow.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.phaseflow.common.Drafts;
import io.phaseflow.common.FieldError;
import io.phaseflow.common.NextStep;
import io.phaseflow.common.PhaseflowException;
import io.phaseflow.common.WireValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every failure of a request to an RFC 7807 problem with per-field {@code errors}:
 * 400 for malformed input, 404 for unknown codes, 409 for conflicts, 422 for broken
 * rules. Bad input never gets a 500, and no problem ever carries a stack trace or SQL.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	private final List<ProblemTranslator> translators;

	ProblemAdvice(List<ProblemTranslator> translators) {
		this.translators = List.copyOf(translators);
	}

	@ExceptionHandler(PhaseflowException.class)
	ProblemDetail phaseflow(PhaseflowException ex) {
		ProblemDetail problem = ProblemResponses.problem(ProblemResponses.status(ex.kind()), ex.title(),
				ex.getMessage(), ex.errors());
		ex.properties().forEach(problem::setProperty);
		ex.nextStep().ifPresent((next) -> {
			Map<String, Object> step = new LinkedHashMap<>();
			step.put("action", next.action());
			step.putAll(next.parameters());
			problem.setProperty("next", step);
			problem.setProperty("next_step", call(next));
		});
		return problem;
	}

	/** A next step as the REST call that takes it. */
	private static String call(NextStep next) {
		if (NextStep.TAKE_OVER.equals(next.action()) && next.parameters().containsKey("task_code")) {
			return "POST /api/orchestration/agent/init {\"entity_type\": \"task\", \"entity_code\": \""
					+ next.parameters().get("task_code") + "\", \"take_over\": true, \"expected_agent_id\": "
					+ next.parameters().get("expected_agent_id") + "}";
		}
		if (NextStep.TAKE_OVER.equals(next.action())) {
			return "POST /api/orchestration/sessions/" + next.parameters().get("session_key")
					+ "/resume {\"expected_agent_id\": " + next.parameters().get("expected_agent_id") + "}";
		}
		return next.action();
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		Class<?> type = ex.getRequiredType();
		String message = (type == null) ? "has the wrong type"
				: type.isEnum() ? "must be one of: " + WireValue.allOf(type)
						: "must be a valid " + type.getSimpleName().toLowerCase(Locale.ROOT);
		return badRequest(ex.getName() + " " + message, List.of(new FieldError(ex.getName(), message)));
	}

	/**
	 * A multipart request the container cannot parse (e.g. a file name with a NUL
	 * character); an upload too large keeps its 413.
	 */
	@ExceptionHandler(MultipartException.class)
	ProblemDetail unparsableMultipart(MultipartException ex) {
		log.debug("Unparsable multipart request", ex);
		return badRequest("The multipart request cannot be read", List.of());
	}

	/**
	 * What the firewall refuses while the request is read (e.g. a query parameter name
	 * with a line break).
	 */
	@ExceptionHandler(RequestRejectedException.class)
	ProblemDetail rejected(RequestRejectedException ex) {
		log.debug("Request rejected", ex);
		return badRequest("The request is not allowed", List.of());
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ProblemDetail duplicate(DuplicateKeyException ex) {
		log.debug("Duplicate key", ex);
		return ProblemResponses.problem(HttpStatus.CONFLICT, "Conflict",
				"The request conflicts with an existing record", List.of());
	}

	@ExceptionHandler({ PessimisticLockingFailureException.class, OptimisticLockingFailureException.class })
	ProblemDetail concurrent(RuntimeException ex) {
		log.debug("Concurrent change", ex);
		return ProblemResponses.problem(HttpStatus.CONFLICT, "Conflict",
				"A concurrent change won; read the current state and retry", List.of());
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail integrity(DataIntegrityViolationException ex) {
		log.warn("A request broke a database constraint", ex);
		return ProblemResponses.problem(HttpStatus.UNPROCESSABLE_ENTITY, "Unprocessable request",
				"The request breaks a data constraint", List.of());
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		for (ProblemTranslator translator : this.translators) {
			Optional<ProblemDetail> problem = translator.translate(ex);
			if (problem.isPresent()) {
				log.debug("Request refused", ex);
				return problem.get();
			}
		}
		log.error("Request failed", ex);
		return ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"The server failed to handle the request; it has been logged", List.of());
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldError(Drafts.snakeCase(error.getField()), error.getDefaultMessage()))
			.toList();
		return ResponseEntity.unprocessableEntity()
			.body(ProblemResponses.problem(HttpStatus.UNPROCESSABLE_ENTITY, "Validation failed", summary(errors),
					errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> new FieldError(parameterName(result.getMethodParameter()), error.getDefaultMessage())))
			.toList();
		return ResponseEntity.badRequest().body(badRequest(summary(errors), errors));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String name = ex.getParameterName();
		return ResponseEntity.badRequest()
			.body(badRequest(name + " is required", List.of(new FieldError(name, "is required"))));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = unreadable(ex.getCause());
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	@ExceptionHandler(Drafts.MalformedDocument.class)
	ProblemDetail malformedDocument(Drafts.MalformedDocument ex) {
		return unreadable(ex.getCause());
	}

	/**
	 * 400 for malformed JSON, wrong types and unknown fields; 422 for a value outside an
	 * enumeration.
	 */
	private static ProblemDetail unreadable(Throwable cause) {
		if (cause instanceof RequestLimits.BodyTooLarge tooLarge) {
			return ProblemResponses.problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", tooLarge.getMessage(),
					List.of());
		}
		if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
				&& invalid.getTargetType().isEnum()) {
			String field = path(invalid);
			String message = "must be one of: " + WireValue.allOf(invalid.getTargetType());
			return ProblemResponses.problem(HttpStatus.UNPROCESSABLE_ENTITY, "Validation failed", field + " " + message,
					List.of(new FieldError(field, message)));
		}
		if (cause instanceof UnrecognizedPropertyException unknown) {
			String field = path(unknown);
			return badRequest("Unknown field " + field, List.of(new FieldError(field, "is not a known field")));
		}
		if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = path(mapping);
			return badRequest(field + " has the wrong type", List.of(new FieldError(field, "has the wrong type")));
		}
		String detail = (cause instanceof JsonProcessingException) ? "The request body is not valid JSON"
				: "The request body is missing or unreadable";
		return badRequest(detail, List.of());
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
			problem.setProperty("errors", List.of());
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	/**
	 * The name a caller knows a parameter by: the query parameter's or path variable's
	 * name.
	 */
	private static String parameterName(MethodParameter parameter) {
		RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
		if (query != null && !query.name().isEmpty()) {
			return query.name();
		}
		PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
		if (path != null && !path.name().isEmpty()) {
			return path.name();
		}
		return parameter.getParameterName();
	}

	private static ProblemDetail badRequest(String detail, List<FieldError> errors) {
		return ProblemResponses.problem(HttpStatus.BAD_REQUEST, "Bad request", detail, errors);
	}

	private static String summary(List<FieldError> errors) {
		return errors.stream().map((e) -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
	}

	private static String path(JsonMappingException ex) {
		return ex.getPath()
			.stream()
			.map((ref) -> (ref.getFieldName() != null) ? ref.getFieldName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
	}

}
