package io.phaseflow.guidance;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Whether {@code orchestration.context.assembled} is written at all, and for which
 * fraction of the inits that continue a session and of context reads.
 *
 * @param emitContextAssembled whether it is written (on every agent init that starts a
 * session)
 * @param contextSampleRate the fraction of continuing inits and context reads it is
 * written for (0 to 1; the first of them always)
 */
@ConfigurationProperties("phaseflow.events")
@Validated
public record ContextEventSettings(@DefaultValue("true") boolean emitContextAssembled,
		@DecimalMin("0") @DecimalMax("1") @DefaultValue("0.1") double contextSampleRate) {
}
