package io.phaseflow.task;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.common.Codes;
import io.phaseflow.common.WithinFieldLimit;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A task as a client writes it. The sprint is named by {@code sprint_id} or
 * {@code sprint_code} (or both, if they agree).
 */
public record TaskDraft(@NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.RULE) String taskCode,
		@NotBlank @Size(max = 500) @Pattern(regexp = "[^\\r\\n]*", message = "must be one line") String title,
		@Size(max = 20000) String description, @Size(max = 100) String category, @NotNull TaskStatus status,
		@NotNull Priority priority, @Positive Long sprintId,
		@Pattern(regexp = Codes.PATTERN, message = Codes.RULE) String sprintCode,
		@PositiveOrZero Integer estimateMinutes, @NotNull @WithinFieldLimit ObjectNode metadata,
		@NotNull @WithinFieldLimit ObjectNode agentConfig) {

	/**
	 * Fills the defaults a client may leave out: pending, P2, empty metadata and agent
	 * config.
	 */
	public TaskDraft withDefaults() {
		return new TaskDraft(this.taskCode, this.title, this.description, this.category,
				(this.status != null) ? this.status : TaskStatus.PENDING,
				(this.priority != null) ? this.priority : Priority.P2, this.sprintId, this.sprintCode,
				this.estimateMinutes, orEmpty(this.metadata), orEmpty(this.agentConfig));
	}

	private static ObjectNode orEmpty(ObjectNode node) {
		return (node != null) ? node : JsonNodeFactory.instance.objectNode();
	}

}
