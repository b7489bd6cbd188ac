package io.phaseflow.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a task's metadata links it to: the tasks it depends on
 * ({@code metadata.depends_on}, task codes) and its reference docs
 * ({@code metadata.context}, URLs or paths under the files root). Kept in the metadata so
 * that they are hashed, versioned and rolled back with the task.
 */
public final class TaskLinks {

	/** The metadata entry listing the codes of the tasks a task depends on. */
	public static final String DEPENDS_ON = "depends_on";

	/** The metadata entry listing a task's reference docs. */
	public static final String CONTEXT = "context";

	private TaskLinks() {
	}

	/** The codes the task depends on, in the order given; none when not a list. */
	public static List<String> dependsOn(ObjectNode metadata) {
		return strings(metadata, DEPENDS_ON);
	}

	/** The task's reference docs, in the order given; none when not a list. */
	public static List<String> context(ObjectNode metadata) {
		return strings(metadata, CONTEXT);
	}

	/**
	 * Whether a reference doc is a web address rather than a path under the files root.
	 */
	public static boolean isUrl(String entry) {
		String lower = entry.toLowerCase(Locale.ROOT);
		return lower.startsWith("http://") || lower.startsWith("https://");
	}

	/**
	 * The text items of a metadata list, skipping anything else; none when not a list.
	 */
	public static List<String> strings(ObjectNode metadata, String key) {
		JsonNode list = (metadata != null) ? metadata.get(key) : null;
		if (list == null || !list.isArray()) {
			return List.of();
		}
		List<String> items = new ArrayList<>();
		list.forEach((item) -> {
			if (item.isTextual()) {
				items.add(item.textValue());
			}
		});
		return items;
	}

}
