package io.phaseflow.task;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A task as stored, with its sprint's code and its content hash.
 */
public record Task(long id, String taskCode, Long sprintId, String sprintCode, String title, String description,
		String category, TaskStatus status, Priority priority, Integer estimateMinutes, ObjectNode metadata,
		ObjectNode agentConfig, String hash, String filePath, OffsetDateTime createdAt, OffsetDateTime updatedAt,
		OffsetDateTime completedAt) {

	/** The hashed content of this task. */
	public TaskContent content() {
		return new TaskContent(this.taskCode, this.sprintCode, this.title, this.description, this.category, this.status,
				this.priority, this.estimateMinutes, this.metadata, this.agentConfig);
	}

}
