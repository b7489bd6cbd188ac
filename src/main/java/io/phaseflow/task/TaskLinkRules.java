package io.phaseflow.task;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.common.Codes;
import io.phaseflow.common.FieldError;
import io.phaseflow.common.RuleBroken;

import org.springframework.stereotype.Component;

/**
 * Checks a task's links ({@link TaskLinks}) when its metadata is written: dependencies
 * name other existing tasks, once each, without a cycle; reference docs are web addresses
 * or relative paths that stay under the files root. A write that breaks one is refused
 * whole (422).
 */
@Component
class TaskLinkRules {

	private static final String DEPENDS_ON = "metadata." + TaskLinks.DEPENDS_ON;

	private static final String CONTEXT = "metadata." + TaskLinks.CONTEXT;

	private static final int MAX_REFERENCE_LENGTH = 1000;

	/** A drive-letter path (C:\ or C:/), absolute on Windows. */
	private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

	private final Tasks tasks;

	TaskLinkRules(Tasks tasks) {
		this.tasks = tasks;
	}

	/**
	 * The metadata to store for task {@code code}, its dependencies in canonical (lower
	 * case) form. Lists unchanged since {@code before} (null for a new task) are not
	 * checked again: they were valid when written and tasks are never deleted.
	 * @throws RuleBroken naming every broken rule
	 */
	ObjectNode checked(String code, ObjectNode metadata, ObjectNode before) {
		List<FieldError> errors = new ArrayList<>();
		ObjectNode checked = metadata;
		JsonNode dependsOn = metadata.get(TaskLinks.DEPENDS_ON);
		if (dependsOn != null
				&& !Objects.equals(dependsOn, (before != null) ? before.get(TaskLinks.DEPENDS_ON) : null)) {
			List<String> codes = dependencies(code, dependsOn, errors);
			if (errors.isEmpty()) {
				checked = metadata.deepCopy();
				ArrayNode canonical = checked.putArray(TaskLinks.DEPENDS_ON);
				codes.forEach(canonical::add);
			}
		}
		JsonNode context = metadata.get(TaskLinks.CONTEXT);
		if (context != null && !Objects.equals(context, (before != null) ? before.get(TaskLinks.CONTEXT) : null)) {
			references(context, errors);
		}
		if (!errors.isEmpty()) {
			throw new RuleBroken(errors.get(0).field() + " " + errors.get(0).message(), errors);
		}
		return checked;
	}

	private List<String> dependencies(String code, JsonNode dependsOn, List<FieldError> errors) {
		if (!dependsOn.isArray()) {
			errors.add(new FieldError(DEPENDS_ON, "must be a list of task codes"));
			return List.of();
		}
		Set<String> codes = new LinkedHashSet<>();
		for (int i = 0; i < dependsOn.size(); i++) {
			JsonNode item = dependsOn.get(i);
			String field = DEPENDS_ON + "[" + i + "]";
			if (!item.isTextual() || !Codes.isValid(item.textValue())) {
				errors.add(new FieldError(field, Codes.RULE));
				continue;
			}
			String dependency = Codes.normalize(field, item.textValue());
			if (dependency.equals(code)) {
				errors.add(new FieldError(field, "names the task itself"));
			}
			else if (!codes.add(dependency)) {
				errors.add(new FieldError(field, "names " + dependency + " twice"));
			}
		}
		if (!errors.isEmpty() || codes.isEmpty()) {
			return List.copyOf(codes);
		}
		Set<String> known = new LinkedHashSet<>();
		this.tasks.lines(codes).forEach((line) -> known.add(line.taskCode()));
		codes.stream()
			.filter((dependency) -> !known.contains(dependency))
			.forEach((dependency) -> errors.add(new FieldError(DEPENDS_ON, "names no task " + dependency)));
		if (errors.isEmpty()) {
			List<String> cycle = cycle(code, List.copyOf(codes));
			if (!cycle.isEmpty()) {
				errors.add(new FieldError(DEPENDS_ON, "would make a cycle: " + String.join(" → ", cycle)));
			}
		}
		return List.copyOf(codes);
	}

	/**
	 * A path of dependencies from the task back to itself if it depended on
	 * {@code dependsOn}, or none: a depth-first walk over every task's dependencies, read
	 * in one query.
	 */
	private List<String> cycle(String code, List<String> dependsOn) {
		Map<String, List<String>> graph = new HashMap<>(this.tasks.dependencies(null));
		graph.put(code, dependsOn);
		Map<String, String> reachedFrom = new HashMap<>();
		Deque<String> open = new ArrayDeque<>();
		for (String dependency : dependsOn) {
			reachedFrom.putIfAbsent(dependency, code);
			open.push(dependency);
		}
		while (!open.isEmpty()) {
			String task = open.pop();
			if (task.equals(code)) {
				List<String> path = new ArrayList<>();
				String step = code;
				do {
					path.add(0, step);
					step = reachedFrom.get(step);
				}
				while (!step.equals(code));
				path.add(0, code);
				return path;
			}
			for (String next : graph.getOrDefault(task, List.of())) {
				if (!reachedFrom.containsKey(next)) {
					reachedFrom.put(next, task);
					open.push(next);
				}
			}
		}
		return List.of();
	}

	private static void references(JsonNode context, List<FieldError> errors) {
		if (!context.isArray()) {
			errors.add(new FieldError(CONTEXT, "must be a list of URLs and paths under the files root"));
			return;
		}
		for (int i = 0; i < context.size(); i++) {
			JsonNode item = context.get(i);
			String problem = item.isTextual() ? referenceProblem(item.textValue()) : "must be a URL or a path";
			if (problem != null) {
				errors.add(new FieldError(CONTEXT + "[" + i + "]", problem));
			}
		}
	}

	/** What is wrong with a reference doc, or null. */
	private static String referenceProblem(String entry) {
		if (entry.isBlank() || entry.length() > MAX_REFERENCE_LENGTH
				|| entry.chars().anyMatch(Character::isISOControl)) {
			return "must be a URL or a path of 1-" + MAX_REFERENCE_LENGTH + " characters on one line";
		}
		if (TaskLinks.isUrl(entry)) {
			try {
				return (new URI(entry).getHost() != null) ? null : "must be a URL with a host";
			}
			catch (URISyntaxException ex) {
				return "is not a valid URL";
			}
		}
		if (entry.startsWith("/") || entry.startsWith("\\") || DRIVE.matcher(entry).matches()) {
			return "must be a path relative to the files root, not an absolute one";
		}
		for (String segment : entry.split("[/\\\\]")) {
			if (segment.equals("..")) {
				return "must not leave the files root ('..')";
			}
		}
		return null;
	}

}
