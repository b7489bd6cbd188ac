package io.phaseflow.sprint;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A sprint as stored, with its content hash.
 */
public record Sprint(long id, String sprintCode, String title, SprintStatus status, String owner, ObjectNode metadata,
		String hash, String filePath, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

	/** The hashed content of this sprint. */
	public SprintDraft content() {
		return new SprintDraft(this.sprintCode, this.title, this.status, this.owner, this.metadata);
	}

}
