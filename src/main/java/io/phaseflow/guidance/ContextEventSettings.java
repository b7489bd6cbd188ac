package io.phaseflow.guidance;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Whether {@code orchestration.context.assembled} is written at all, and for which
 * fraction of context reads.
 *
 * @param emitContextAssembled whether it is written (on every agent init)
 * @param contextReadSampleRate the fraction of context reads it is written for (0 to 1;
 * the first read always)
 */
@ConfigurationProperties("phaseflow.events")
@Validated
public record ContextEventSettings(@DefaultValue("true") boolean emitContextAssembled,
		@DecimalMin("0") @DecimalMax("1") @DefaultValue("0.1") double contextReadSampleRate) {
}
