package io.phaseflow.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * SHA-256 over the canonical JSON of an entity's content: object keys sorted at every
 * depth, no insignificant whitespace, null members left out. Equal content gives an equal
 * hash, whatever order or spacing the caller used.
 */
public final class ContentHash {

	private static final JsonMapper CANONICAL = JsonMapper.builder()
		.configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true)
		.configure(JsonNodeFeature.WRITE_NULL_PROPERTIES, false)
		.configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
		.build();

	private ContentHash() {
	}

	/** The canonical JSON text of a content snapshot. */
	public static String canonicalJson(JsonNode content) {
		try {
			return CANONICAL.writeValueAsString(content);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A JSON tree could not be written", ex);
		}
	}

	/** The lower-case hex SHA-256 of the canonical JSON of {@code content}. */
	public static String of(JsonNode content) {
		return sha256Hex(canonicalJson(content));
	}

	/** The lower-case hex SHA-256 of a UTF-8 string. */
	public static String sha256Hex(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
