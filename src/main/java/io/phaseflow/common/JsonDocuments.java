package io.phaseflow.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Reads and writes the JSON documents kept in {@code json_document} columns.
 */
@Component
public class JsonDocuments {

	private final ObjectMapper mapper;

	public JsonDocuments(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	public String write(Object value) {
		try {
			return this.mapper.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A value could not be written as JSON", ex);
		}
	}

	public JsonNode read(String json) {
		if (json == null) {
			return this.mapper.nullNode();
		}
		try {
			return this.mapper.readTree(json);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored JSON document could not be read", ex);
		}
	}

	/** Reads a stored JSON document as the type it was written from. */
	public <T> T read(String json, Class<T> type) {
		try {
			return this.mapper.readValue(json, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored JSON document could not be read", ex);
		}
	}

	/** Reads a stored JSON object; a missing document reads as an empty object. */
	public ObjectNode readObject(String json) {
		JsonNode node = read(json);
		return (node instanceof ObjectNode object) ? object : this.mapper.createObjectNode();
	}

	public ObjectNode newObject() {
		return this.mapper.createObjectNode();
	}

	public <T> JsonNode tree(T value) {
		return this.mapper.valueToTree(value);
	}

	public ObjectMapper mapper() {
		return this.mapper;
	}

}
