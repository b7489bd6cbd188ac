package io.phaseflow.session.phase;

import java.math.BigDecimal;

import io.phaseflow.common.WithinFieldLimit;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * An iteration as an agent logs or updates it. On logging, {@code iteration_number} may
 * be left out (the next one is taken); given, it must be the next one.
 */
public record IterationReport(@Positive Integer iterationNumber,
		@Pattern(regexp = "running|completed|failed|qa_pending|qa_passed|qa_failed",
				message = "must be one of: running, completed, failed, qa_pending, qa_passed, qa_failed") String status,
		@Size(max = 20000) @WithinFieldLimit String summary, @PositiveOrZero Long tokensInput,
		@PositiveOrZero Long tokensOutput, @DecimalMin("0") @Digits(integer = 8, fraction = 6) BigDecimal cost) {
}
