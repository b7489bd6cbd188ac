package io.phaseflow.sprint;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.common.Codes;
import io.phaseflow.common.WithinFieldLimit;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The content of a sprint as a client writes it. Everything that is hashed is here; ids
 * and timestamps are not.
 */
public record SprintDraft(@NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.RULE) String sprintCode,
		@NotBlank @Size(max = 500) @Pattern(regexp = "[^\\r\\n]*", message = "must be one line") String title,
		@NotNull SprintStatus status, @Size(max = 200) String owner, @NotNull @WithinFieldLimit ObjectNode metadata) {

	/** Fills the defaults (status planning, empty metadata) a client may leave out. */
	public SprintDraft withDefaults() {
		return new SprintDraft(this.sprintCode, this.title, (this.status != null) ? this.status : SprintStatus.PLANNING,
				this.owner, (this.metadata != null) ? this.metadata : JsonNodeFactory.instance.objectNode());
	}

}
