package io.phaseflow.files;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An architecture decision to record. The title may carry its own "ADR-006:" prefix; the
 * number is always assigned anew.
 */
public record AdrRequest(@NotBlank @Size(max = 200) String title,
		@Pattern(regexp = "proposed|accepted|rejected|deprecated|superseded",
				message = "must be one of: proposed, accepted, rejected, deprecated, superseded") String status,
		@Size(max = 20000) String context, @Size(max = 20000) String decision, @Size(max = 20000) String consequences) {
}
