package io.phaseflow.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

/**
 * Turns JSON documents into validated request records, the same way whether they arrive
 * as a request body or result from applying a merge patch to the current state.
 */
@Component
public class Drafts {

	/** The control characters no stored text has: all but tab, line feed and return. */
	public static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

	private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();

	private final ObjectMapper mapper;

	private final Validator validator;

	public Drafts(ObjectMapper mapper, Validator validator) {
		this.mapper = mapper;
		this.validator = validator;
	}

	/**
	 * Reads a document as the given record type and validates it.
	 * @throws com.fasterxml.jackson.databind.JsonMappingException (unchecked-wrapped) for
	 * wrong types or unknown fields
	 * @throws RuleBroken when a constraint of the record is broken
	 */
	public <T> T read(JsonNode document, Class<T> type) {
		T draft = convert(document, type);
		validate(draft);
		return draft;
	}

	/**
	 * Reads a document as the given record type without validating it (for drafts whose
	 * defaults are filled in before validation).
	 */
	public <T> T convert(JsonNode document, Class<T> type) {
		try {
			return this.mapper.treeToValue(document, type);
		}
		catch (JsonProcessingException ex) {
			throw new MalformedDocument(ex);
		}
	}

	/**
	 * Validates a record with Bean Validation, and refuses control characters (other than
	 * tab, line feed and carriage return) in any of its text, keys of JSON members
	 * included. Broken rules are reported as a 422.
	 */
	public <T> void validate(T draft) {
		Set<ConstraintViolation<T>> violations = this.validator.validate(draft);
		List<FieldError> errors = new ArrayList<>(violations.stream()
			.map((v) -> new FieldError(snakeCase(v.getPropertyPath().toString()), v.getMessage()))
			.toList());
		tree(draft).properties().forEach((field) -> {
			if (hasControlCharacters(field.getValue())) {
				errors.add(new FieldError(field.getKey(), "must not contain control characters"));
			}
		});
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparing(FieldError::field));
			throw new RuleBroken(
					errors.stream().map((e) -> e.field() + " " + e.message()).collect(Collectors.joining("; ")),
					errors);
		}
	}

	private static boolean hasControlCharacters(JsonNode node) {
		if (node.isTextual()) {
			return CONTROL.matcher(node.asText()).find();
		}
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> member : node.properties()) {
				if (CONTROL.matcher(member.getKey()).find() || hasControlCharacters(member.getValue())) {
					return true;
				}
			}
		}
		for (JsonNode element : node) {
			if (node.isArray() && hasControlCharacters(element)) {
				return true;
			}
		}
		return false;
	}

	public ObjectMapper mapper() {
		return this.mapper;
	}

	public JsonNode tree(Object value) {
		return this.mapper.valueToTree(value);
	}

	/**
	 * Translates a Java property path ({@code agentConfig.model}) into the wire's
	 * snake_case.
	 */
	public static String snakeCase(String propertyPath) {
		return Arrays.stream(propertyPath.split("\\.")).map(SNAKE::translate).collect(Collectors.joining("."));
	}

	/**
	 * A document that is not of the shape the record needs: wrong types or unknown
	 * fields.
	 */
	public static class MalformedDocument extends RuntimeException {

		public MalformedDocument(JsonProcessingException cause) {
			super(cause.getOriginalMessage(), cause);
		}

	}

}
