package io.phaseflow.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What is searched in one row: a heading, ranked like a title, and a body. PostgreSQL
 * indexes the same two texts (migration V8, {@code search_vector(heading, body)}).
 *
 * @param heading an event's type, an artifact's name, a task's code and title
 * @param body an event payload's strings, an artifact's content, a task's description and
 * metadata strings
 */
record SearchText(String heading, String body) {

	static SearchText of(String heading, String text, JsonNode json) {
		List<String> parts = new ArrayList<>();
		if (text != null) {
			parts.add(text);
		}
		String strings = strings(json);
		if (strings != null) {
			parts.add(strings);
		}
		return new SearchText(Words.searched(heading), Words.searched(String.join(" ", parts)));
	}

	/**
	 * The string values of a JSON document, space separated, in the order PostgreSQL's
	 * {@code jsonb_path_query(document, 'strict $.**')} visits them: depth first, object
	 * members by key length, then key bytes (how {@code jsonb} keeps them). Null when
	 * there are none.
	 */
	static String strings(JsonNode json) {
		List<String> strings = new ArrayList<>();
		collect(json, strings);
		return strings.isEmpty() ? null : String.join(" ", strings);
	}

	private static void collect(JsonNode node, List<String> strings) {
		if (node == null) {
			return;
		}
		if (node.isTextual()) {
			strings.add(node.textValue());
		}
		else if (node.isArray()) {
			node.forEach((element) -> collect(element, strings));
		}
		else if (node.isObject()) {
			node.properties()
				.stream()
				.sorted(Comparator.comparing(Map.Entry::getKey, SearchText::compareKeys))
				.forEach((member) -> collect(member.getValue(), strings));
		}
	}

	private static int compareKeys(String a, String b) {
		byte[] x = a.getBytes(StandardCharsets.UTF_8);
		byte[] y = b.getBytes(StandardCharsets.UTF_8);
		return (x.length != y.length) ? Integer.compare(x.length, y.length) : Arrays.compareUnsigned(x, y);
	}

	@Override
	public String toString() {
		return this.heading + " | " + this.body.lines().limit(3).collect(Collectors.joining(" "));
	}

}
