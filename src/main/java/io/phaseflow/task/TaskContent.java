package io.phaseflow.task;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The hashed content of a task: what it is, not when or under which id it was stored. The
 * sprint is named by its code.
 */
public record TaskContent(String taskCode, String sprintCode, String title, String description, String category,
		TaskStatus status, Priority priority, Integer estimateMinutes, ObjectNode metadata, ObjectNode agentConfig) {

	/** This content with other metadata. */
	TaskContent withMetadata(ObjectNode other) {
		return new TaskContent(this.taskCode, this.sprintCode, this.title, this.description, this.category, this.status,
				this.priority, this.estimateMinutes, other, this.agentConfig);
	}

}
