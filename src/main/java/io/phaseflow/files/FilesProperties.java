package io.phaseflow.files;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where the markdown mirror is written.
 *
 * @param root the folder holding {@code sprints/<sprint>/SPRINT.md} and
 * {@code sprints/<sprint>/<task>/TASK.md} (tasks without a sprint:
 * {@code tasks/<task>/TASK.md})
 * @param adrDir where architecture decision records are written
 * @param referenceDocLimit how much of one reference doc (a task's
 * {@code metadata.context} path under the root) agent init inlines
 * @param referenceDocsTotalLimit how much of all of a task's reference docs together it
 * inlines, so that an init answer stays small
 */
@ConfigurationProperties("phaseflow.files")
@Validated
public record FilesProperties(@NotNull @DefaultValue("./delegation") Path root,
		@NotNull @DefaultValue("./docs/adr") Path adrDir, @NotNull @DefaultValue("16KB") DataSize referenceDocLimit,
		@NotNull @DefaultValue("64KB") DataSize referenceDocsTotalLimit) {
}
