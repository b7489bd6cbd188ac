package io.phaseflow.home;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where Phaseflow finds its editable folders and keeps its data.
 *
 * @param home the folder holding {@code processes/ forms/ templates/ workflow/}; a file
 * there takes precedence over the copy packaged in the jar
 * @param dataDir where the embedded database and {@code admin.token} live
 */
@ConfigurationProperties("phaseflow")
@Validated
public record PhaseflowProperties(@NotNull Path home, @NotNull Path dataDir) {
}
