package io.phaseflow.memory;

import io.phaseflow.common.WithinFieldLimit;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A note an agent adds to its session: {@code {"kind": "update"|"note", "text": "…"}}.
 */
public record NoteRequest(@NotNull NoteKind kind,
		@NotBlank @Size(max = NoteRequest.MAX_TEXT) @WithinFieldLimit String text) {

	/** The longest text a note may have. */
	public static final int MAX_TEXT = 10000;

}
