package io.phaseflow.client;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON the client reads and writes: plain Jackson trees, with the API's snake_case
 * names as they are on the wire.
 */
public final class Json {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private Json() {
	}

	public static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	/** The document, or null when the text is empty; throws when it is not JSON. */
	public static JsonNode parse(String text) throws JsonProcessingException {
		return (text == null || text.isBlank()) ? null : MAPPER.readTree(text);
	}

	/** The document, or null when the text is empty or not JSON. */
	public static JsonNode parseOrNull(String text) {
		try {
			return parse(text);
		}
		catch (JsonProcessingException ex) {
			return null;
		}
	}

	public static String write(JsonNode node) {
		try {
			return MAPPER.writeValueAsString(node);
		}
		catch (JsonProcessingException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String pretty(JsonNode node) {
		try {
			return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
		}
		catch (JsonProcessingException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The texts of a JSON array's items (none for a missing node). */
	public static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((item) -> texts.add(item.asText()));
		return texts;
	}

	public static <T> T convert(Object value, Class<T> type) {
		return MAPPER.convertValue(value, type);
	}

	public static ObjectMapper mapper() {
		return MAPPER;
	}

}
