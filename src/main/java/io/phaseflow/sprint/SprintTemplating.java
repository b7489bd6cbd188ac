package io.phaseflow.sprint;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Creates a sprint with its tasks from a named template. Another capability provides it
 * (templates make tasks and their files, which depend on sprints, not the other way).
 */
public interface SprintTemplating {

	/**
	 * Creates the sprint the body describes and the tasks of the template.
	 * @return the sprint and what the answer shows of it and its tasks
	 */
	FromTemplate create(String templateName, ObjectNode sprintBody);

	/**
	 * A sprint made from a template.
	 *
	 * @param sprint the sprint
	 * @param answer the body of the answer: the sprint and its tasks
	 */
	record FromTemplate(Sprint sprint, Object answer) {
	}

}
