package io.phaseflow.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.phaseflow.event.EntityType;
import io.phaseflow.event.EventLog;
import io.phaseflow.event.EventQuery;
import io.phaseflow.event.EventTypes;
import io.phaseflow.event.OrchestrationEvent;
import io.phaseflow.render.Templates;
import io.phaseflow.report.StatusReport;
import io.phaseflow.report.StatusReports;
import io.phaseflow.sprint.Sprint;
import io.phaseflow.task.Task;

import org.springframework.stereotype.Component;

/**
 * Renders a task's or sprint's markdown, and artifact drafts, from the database with the
 * templates of {@code templates/}.
 */
@Component
public class MarkdownDocuments {

	private static final Map<String, String> SECTIONS = sections();

	private final Templates templates;

	private final StatusReports reports;

	private final EventLog events;

	private final ObjectMapper mapper;

	MarkdownDocuments(Templates templates, StatusReports reports, EventLog events, ObjectMapper mapper) {
		this.templates = templates;
		this.reports = reports;
		this.events = events;
		this.mapper = mapper;
	}

	/**
	 * TASK.md: the task, its completion and its sessions. What agents wrote (completion
	 * notes, session notes) is escaped here rather than in the template, so a template of
	 * one's own cannot let it open a section.
	 */
	public String task(Task task) {
		return task(task, Optional.empty());
	}

	/** TASK.md with a Session section showing where the session stands. */
	public String task(Task task, Optional<SessionSection> session) {
		Map<String, Object> data = taskData(task, 1);
		session.ifPresent((section) -> data.put("session", sessionData(section)));
		completionNotes(task).ifPresent((notes) -> data.put("completion_notes", AgentText.escape(notes)));
		data.put("sessions", sessions(task.metadata().get("session_summaries")));
		return this.templates.render("TASK.md.ftl", data);
	}

	/**
	 * The Session section's model; the override's reason is the agent's text, kept on one
	 * line.
	 */
	private Map<String, Object> sessionData(SessionSection section) {
		@SuppressWarnings("unchecked")
		Map<String, Object> data = this.mapper.convertValue(section, Map.class);
		data.values().removeIf(Objects::isNull);
		data.computeIfPresent("override_reason", (key, reason) -> AgentText.oneLine((String) reason));
		return data;
	}

	/** SPRINT.md: goal, dates, the task table and progress. */
	public String sprint(Sprint sprint) {
		StatusReport report = this.reports.of(sprint.sprintCode());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("sprint", this.mapper.convertValue(sprint, Map.class));
		putText(data, "goal", sprint.metadata().get("goal"));
		putText(data, "start_date", sprint.metadata().get("start_date"));
		putText(data, "end_date", sprint.metadata().get("end_date"));
		data.put("summary", this.mapper.convertValue(report.summary(), Map.class));
		data.put("tasks", this.mapper.convertValue(report.tasks(), List.class));
		return this.templates.render("SPRINT.md.ftl", data);
	}

	/**
	 * A draft of an artifact from its template (e.g. {@code PLAN.md.ftl}), for the task
	 * in the given iteration.
	 */
	public String draft(String template, Task task, int iteration) {
		return this.templates.render(template, taskData(task, iteration));
	}

	private Map<String, Object> taskData(Task task, int iteration) {
		Map<String, Object> data = new LinkedHashMap<>();
		@SuppressWarnings("unchecked")
		Map<String, Object> fields = this.mapper.convertValue(task, Map.class);
		fields.values().removeIf(Objects::isNull);
		data.put("task", fields);
		List<Map<String, Object>> sections = new ArrayList<>();
		SECTIONS.forEach((key, heading) -> {
			List<String> items = texts(task.metadata().get(key));
			data.put(key, items);
			if (!items.isEmpty()) {
				sections.add(Map.of("heading", heading, "items", items));
			}
		});
		data.put("sections", sections);
		data.put("iteration", iteration);
		return data;
	}

	private Optional<String> completionNotes(Task task) {
		if (task.completedAt() == null) {
			return Optional.empty();
		}
		List<OrchestrationEvent> latest = this.events
			.latest(new EventQuery(EntityType.TASK, task.taskCode(), EventTypes.TASK_STATUS_UPDATED, null, null, 0, 1));
		return latest.stream()
			.map((event) -> event.payload().path("notes"))
			.filter(JsonNode::isTextual)
			.map(JsonNode::asText)
			.findFirst();
	}

	/**
	 * The summaries of the sessions that worked on the task, as the template shows them;
	 * entries that are not summaries are left out.
	 */
	private static List<Map<String, Object>> sessions(JsonNode summaries) {
		List<Map<String, Object>> sessions = new ArrayList<>();
		if (summaries == null || !summaries.isArray()) {
			return sessions;
		}
		for (JsonNode summary : summaries) {
			if (!summary.isObject()) {
				continue;
			}
			Map<String, Object> session = new LinkedHashMap<>();
			for (String field : new String[] { "session_key", "status", "ended_at", "active_minutes", "summary" }) {
				putText(session, field, summary.get(field));
			}
			session.computeIfPresent("summary", (key, text) -> AgentText.oneLine((String) text));
			session.put("updates", texts(summary.get("updates")).stream().map(AgentText::oneLine).toList());
			session.put("notes", texts(summary.get("notes")).stream().map(AgentText::oneLine).toList());
			sessions.add(session);
		}
		return sessions;
	}

	private static List<String> texts(JsonNode node) {
		List<String> texts = new ArrayList<>();
		if (node != null && node.isArray()) {
			node.forEach((item) -> texts.add(item.isTextual() ? item.asText() : item.toString()));
		}
		else if (node != null && node.isTextual()) {
			texts.add(node.asText());
		}
		return texts;
	}

	private static void putText(Map<String, Object> data, String key, JsonNode value) {
		if (value != null && !value.isNull()) {
			data.put(key, value.isTextual() ? value.asText() : value.toString());
		}
	}

	private static Map<String, String> sections() {
		Map<String, String> sections = new LinkedHashMap<>();
		sections.put("objectives", "Objectives");
		sections.put("deliverables", "Deliverables");
		sections.put("acceptance_criteria", "Acceptance Criteria");
		return sections;
	}

}
