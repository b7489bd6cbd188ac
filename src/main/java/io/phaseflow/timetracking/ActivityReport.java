package io.phaseflow.timetracking;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.common.WithinFieldLimit;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Something an agent did during a session, e.g. {@code code_generated} with
 * {@code {"files_created": 3}}.
 *
 * @param description a one-line account; defaults to the activity type
 */
public record ActivityReport(
		@NotBlank @Pattern(regexp = "[a-z][a-z0-9_.-]{0,99}",
				message = "must be a lower-case name like code_generated") String activityType,
		@WithinFieldLimit ObjectNode details, @Size(max = 2000) String description) {
}
