package io.phaseflow.files;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the markdown mirror is written.
 *
 * @param root the folder holding {@code sprints/<sprint>/SPRINT.md} and
 * {@code sprints/<sprint>/<task>/TASK.md} (tasks without a sprint:
 * {@code tasks/<task>/TASK.md})
 */
@ConfigurationProperties("phaseflow.files")
@Validated
public record FilesProperties(@NotNull @DefaultValue("./delegation") Path root,
		@NotNull @DefaultValue("./docs/adr") Path adrDir) {
}
