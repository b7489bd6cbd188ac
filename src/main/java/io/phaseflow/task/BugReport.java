package io.phaseflow.task;

import io.phaseflow.common.Codes;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A bug as someone reports it; it becomes a backlog task of category {@code bug}.
 */
public record BugReport(@NotBlank @Size(max = 500) String title, @Size(max = 20000) String description,
		Priority priority, @Pattern(regexp = Codes.PATTERN, message = Codes.RULE) String sprintCode) {
}
