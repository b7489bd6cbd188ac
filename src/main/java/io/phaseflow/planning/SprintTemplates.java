package io.phaseflow.planning;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.common.Codes;
import io.phaseflow.common.Drafts;
import io.phaseflow.common.EntityNotFound;
import io.phaseflow.common.RuleBroken;
import io.phaseflow.common.SafeYaml;
import io.phaseflow.home.PhaseflowHome;
import io.phaseflow.sprint.Sprint;
import io.phaseflow.sprint.SprintDraft;
import io.phaseflow.sprint.SprintManagement;
import io.phaseflow.sprint.SprintPlanned;
import io.phaseflow.sprint.SprintTemplating;
import io.phaseflow.task.Task;
import io.phaseflow.task.TaskDraft;
import io.phaseflow.task.TaskManagement;
import org.yaml.snakeyaml.error.YAMLException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates a sprint, its tasks (codes {@code <sprint_code>-<code>}) and, once committed,
 * their files from a template ({@code templates/sprints/<name>.yaml}), all or nothing.
 */
@Service
public class SprintTemplates implements SprintTemplating {

	private final PhaseflowHome home;

	private final SprintManagement sprints;

	private final TaskManagement tasks;

	private final ApplicationEventPublisher publisher;

	private final Drafts drafts;

	SprintTemplates(PhaseflowHome home, SprintManagement sprints, TaskManagement tasks,
			ApplicationEventPublisher publisher, Drafts drafts) {
		this.home = home;
		this.sprints = sprints;
		this.tasks = tasks;
		this.publisher = publisher;
		this.drafts = drafts;
	}

	/** The sprint and the tasks a template gave it. */
	public record Created(Sprint sprint, List<Task> tasks) {
	}

	@Override
	@Transactional
	public FromTemplate create(String templateName, ObjectNode sprintBody) {
		Created created = createWithTasks(templateName, sprintBody);
		return new FromTemplate(created.sprint(), created);
	}

	private Created createWithTasks(String templateName, ObjectNode sprintBody) {
		String name = Codes.normalize("template", templateName);
		JsonNode template = load(name);
		ObjectNode body = sprintBody.deepCopy();
		if (!body.has("metadata") && template.has("metadata")) {
			body.set("metadata", template.get("metadata"));
		}
		Sprint sprint = this.sprints.create(this.drafts.convert(body, SprintDraft.class));
		List<Task> created = new ArrayList<>();
		int index = 0;
		for (JsonNode entry : template.path("tasks")) {
			if (!(entry instanceof ObjectNode taskEntry) || !taskEntry.path("code").isTextual()) {
				throw new RuleBroken("template",
						"templates/sprints/" + name + ".yaml: tasks[" + index + "] needs a code");
			}
			ObjectNode task = taskEntry.deepCopy();
			task.put("task_code", sprint.sprintCode() + "-" + task.remove("code").asText());
			task.put("sprint_code", sprint.sprintCode());
			created.add(this.tasks.create(this.drafts.convert(task, TaskDraft.class)));
			index++;
		}
		this.publisher.publishEvent(new SprintPlanned(sprint.sprintCode()));
		return new Created(sprint, created);
	}

	private JsonNode load(String name) {
		Resource resource = this.home.file("templates", "sprints/" + name + ".yaml")
			.orElseThrow(() -> new EntityNotFound("sprint template", name));
		try (InputStream in = resource.getInputStream()) {
			Object yaml = SafeYaml.create().load(in);
			if (!(yaml instanceof Map)) {
				throw new RuleBroken("template", "templates/sprints/" + name + ".yaml is not a mapping");
			}
			return this.drafts.mapper().valueToTree(yaml);
		}
		catch (IOException | YAMLException ex) {
			throw new RuleBroken("template", "templates/sprints/" + name + ".yaml cannot be read: " + ex.getMessage());
		}
	}

}
