package io.phaseflow.files;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.phaseflow.common.FieldError;
import io.phaseflow.common.RuleBroken;

/**
 * Reads back a TASK.md in the layout {@code TASK.md.ftl} writes: the title, task code,
 * status, description and the bulleted objectives, deliverables and acceptance criteria:
 * the parts a PM owns. The sections Phaseflow writes from what agents reported (the
 * session, completion notes, work sessions) come last, and reading stops at the first of
 * them, so nothing an agent wrote is ever read back into the task. A line that does not
 * fit, or a section given twice, is refused with its number.
 */
final class TaskMarkdown {

	private static final Pattern TITLE = Pattern.compile("^# Task: (.+)$");

	private static final Pattern FIELD = Pattern.compile("^\\*\\*([A-Za-z ]+)\\*\\*: (.*)$");

	private static final Pattern HEADING = Pattern.compile("^## (.+)$");

	private static final Pattern ITEM = Pattern.compile("^- (.*)$");

	private static final Map<String, String> SECTIONS = Map.of("Objectives", "objectives", "Deliverables",
			"deliverables", "Acceptance Criteria", "acceptance_criteria");

	/**
	 * Sections the database fills in from agents' reports; the PM's part of the file ends
	 * at the first.
	 */
	private static final Set<String> WRITTEN_BY_PHASEFLOW = Set.of("Session", "Completion Notes", "Work Sessions");

	private TaskMarkdown() {
	}

	/** What a TASK.md says about its task. */
	record Parsed(String taskCode, String title, String status, String description, Map<String, List<String>> lists) {
	}

	static Parsed parse(String file, String markdown) {
		String[] lines = markdown.split("\r?\n", -1);
		Matcher title = TITLE.matcher(lines.length > 0 ? lines[0] : "");
		if (!title.matches()) {
			throw refused(file, 1, "must start with '# Task: <title>'");
		}
		Map<String, String> fields = new LinkedHashMap<>();
		Map<String, List<String>> lists = new LinkedHashMap<>();
		StringBuilder description = null;
		String section = null;
		Set<String> seen = new HashSet<>();
		for (int i = 1; i < lines.length; i++) {
			String line = lines[i];
			Matcher heading = HEADING.matcher(line);
			Matcher field = FIELD.matcher(line);
			if (heading.matches()) {
				section = heading.group(1).trim();
				if (WRITTEN_BY_PHASEFLOW.contains(section)) {
					break;
				}
				if (!seen.add(section)) {
					throw refused(file, i + 1, "section '" + section + "' is given twice");
				}
				if (section.equals("Description")) {
					description = new StringBuilder();
				}
				else if (SECTIONS.containsKey(section)) {
					lists.put(SECTIONS.get(section), new ArrayList<>());
				}
				else {
					throw refused(file, i + 1, "unknown section '" + section
							+ "'; expected Description, Objectives, Deliverables, Acceptance Criteria, Completion Notes or Work Sessions");
				}
			}
			else if (section == null && field.matches()) {
				fields.put(field.group(1).trim(), field.group(2).trim());
			}
			else if (section != null && SECTIONS.containsKey(section) && !line.isBlank()) {
				Matcher item = ITEM.matcher(line);
				if (!item.matches()) {
					throw refused(file, i + 1, "items of " + section + " are lines starting with '- '");
				}
				lists.get(SECTIONS.get(section)).add(item.group(1).trim());
			}
			else if ("Description".equals(section)) {
				description.append(line.startsWith("\\#") ? line.substring(1) : line).append('\n');
			}
			else if (section == null && !line.isBlank()) {
				throw refused(file, i + 1, "expected a '**Field**: value' line or a '## Section' heading");
			}
		}
		String code = fields.getOrDefault("Task Code", "").replace("`", "");
		return new Parsed(code, title.group(1).trim(), fields.get("Status"),
				(description != null) ? description.toString().strip() : null, lists);
	}

	static RuleBroken refused(String file, int line, String message) {
		return new RuleBroken(file + " line " + line + ": " + message,
				List.of(new FieldError(file + ":" + line, message)));
	}

}
