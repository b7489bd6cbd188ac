package io.phaseflow.task.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.phaseflow.task.Task;
import io.phaseflow.task.TaskLinks;

/**
 * A task as the API shows it: the stored task with its dependencies both ways, so a
 * client sees what it waits for and what waits for it without a search.
 *
 * @param task the task as stored
 * @param dependsOn the codes of the tasks it depends on ({@code metadata.depends_on})
 * @param dependents the codes of the tasks that depend on it
 */
record TaskView(@JsonUnwrapped Task task, List<String> dependsOn, List<String> dependents) {

	static TaskView of(Task task, List<String> dependents) {
		return new TaskView(task, TaskLinks.dependsOn(task.metadata()), dependents);
	}

}
