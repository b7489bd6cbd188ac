package io.phaseflow.workflow;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read field by field. Duplicate and unknown keys, missing fields and
 * values of the wrong type are recorded in {@link Problems} with their line and path; the
 * accessors then return a default so that reading can go on.
 */
final class YamlMap {

	private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]{1,9}");

	private final String path;

	private final int line;

	private final Problems problems;

	private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

	private YamlMap(String path, int line, Problems problems) {
		this.path = path;
		this.line = line;
		this.problems = problems;
	}

	/**
	 * Reads a mapping node.
	 * @param node the node, or {@code null} when the mapping is absent
	 * @param path the mapping's field path, empty for the document
	 * @param line the line reported when a required field is missing
	 * @param keys the keys allowed, or {@code null} to allow any key
	 */
	static YamlMap read(Node node, String path, int line, List<String> keys, Problems problems) {
		YamlMap map = new YamlMap(path, line, problems);
		if (node == null || isNull(node)) {
			return map;
		}
		if (!(node instanceof MappingNode mapping)) {
			problems.add(node, path, "must be a mapping of keys to values");
			return map;
		}
		mapping.getValue().forEach((tuple) -> map.add(tuple, keys));
		return map;
	}

	private void add(NodeTuple tuple, List<String> keys) {
		Node keyNode = tuple.getKeyNode();
		if (!(keyNode instanceof ScalarNode scalar) || isNull(keyNode)) {
			this.problems.add(keyNode, this.path, "keys must be plain names");
			return;
		}
		String key = scalar.getValue();
		NodeTuple first = this.entries.get(key);
		if (first != null) {
			this.problems.add(keyNode, child(key),
					"duplicate key '" + key + "' (first defined at line " + Problems.lineOf(first.getKeyNode()) + ")");
		}
		else if (keys != null && !keys.contains(key)) {
			this.problems.add(keyNode, child(key),
					"unknown key '" + key + "'; expected one of " + String.join(", ", keys));
		}
		else {
			this.entries.put(key, tuple);
		}
	}

	static boolean isNull(Node node) {
		return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
	}

	String path() {
		return this.path;
	}

	/** The line reported for the mapping as a whole. */
	int line() {
		return this.line;
	}

	Set<String> keys() {
		return this.entries.keySet();
	}

	String child(String key) {
		return this.path.isEmpty() ? key : this.path + "." + key;
	}

	/** The line of a key, or of the mapping when the key is absent. */
	int lineOf(String key) {
		NodeTuple tuple = this.entries.get(key);
		return (tuple != null) ? Problems.lineOf(tuple.getKeyNode()) : this.line;
	}

	/** The value of a key; empty when the key is absent or its value is null. */
	Optional<Node> value(String key) {
		return Optional.ofNullable(this.entries.get(key)).map(NodeTuple::getValueNode).filter((node) -> !isNull(node));
	}

	/** A nested mapping; an empty one when the key is absent. */
	YamlMap map(String key, List<String> keys) {
		return read(value(key).orElse(null), child(key), lineOf(key), keys, this.problems);
	}

	/** A required, non-blank text; {@code null} (after a problem) when missing. */
	String requiredText(String key) {
		String text = text(key, null);
		if (text == null || text.isBlank()) {
			this.problems.add(lineOf(key), child(key),
					this.entries.containsKey(key) ? "must not be blank" : "is required");
			return null;
		}
		return text;
	}

	/** An optional text, or the fallback when absent. */
	String text(String key, String fallback) {
		return value(key).map((node) -> scalar(node, child(key), "must be text", Function.identity())).orElse(fallback);
	}

	/**
	 * A required whole number; {@code null} (after a problem) when missing or malformed.
	 */
	Integer requiredWholeNumber(String key) {
		Optional<Node> value = value(key);
		if (value.isEmpty()) {
			this.problems.add(lineOf(key), child(key), "is required");
			return null;
		}
		return scalar(value.get(), child(key), "must be a whole number",
				(text) -> WHOLE_NUMBER.matcher(text).matches() ? Integer.valueOf(text) : null);
	}

	/** A boolean that must be written {@code true} or {@code false}. */
	boolean flag(String key, boolean fallback) {
		Boolean flag = value(key)
			.map((node) -> scalar(node, child(key), "must be true or false", YamlMap::parseBoolean))
			.orElse(null);
		return (flag != null) ? flag : fallback;
	}

	/** A positive ISO-8601 duration, or the fallback when absent. */
	Duration positiveDuration(String key, Duration fallback) {
		return value(key)
			.map((node) -> scalar(node, child(key), "must be a positive ISO-8601 duration such as PT4H or PT30M",
					YamlMap::parsePositiveDuration))
			.orElse(fallback);
	}

	/** The items of a list; an empty list when the key is absent. */
	List<Node> items(String key) {
		Optional<Node> value = value(key);
		if (value.isEmpty()) {
			return List.of();
		}
		if (!(value.get() instanceof SequenceNode sequence)) {
			this.problems.add(value.get(), child(key), "must be a list");
			return List.of();
		}
		return sequence.getValue();
	}

	/** A list of names, each checked against a rule. */
	List<String> names(String key, Rule rule) {
		return names(key, rule::accepts, rule.message());
	}

	/** A list of names, each checked by a test; {@code message} when one fails. */
	List<String> names(String key, Predicate<String> test, String message) {
		List<Node> items = items(key);
		List<String> names = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			String name = scalar(items.get(i), child(key) + "[" + i + "]", message,
					(text) -> test.test(text) ? text : null);
			if (name != null) {
				names.add(name);
			}
		}
		return names;
	}

	/**
	 * Converts a scalar; records {@code message} when the node is not a scalar or the
	 * converter returns {@code null}.
	 */
	<T> T scalar(Node node, String path, String message, Function<String, T> converter) {
		T value = (node instanceof ScalarNode scalar && !isNull(node)) ? converter.apply(scalar.getValue()) : null;
		if (value == null) {
			this.problems.add(node, path, message);
		}
		return value;
	}

	private static Duration parsePositiveDuration(String text) {
		try {
			Duration duration = Duration.parse(text);
			return (duration.isNegative() || duration.isZero()) ? null : duration;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static Boolean parseBoolean(String text) {
		return switch (text) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> null;
		};
	}

}
