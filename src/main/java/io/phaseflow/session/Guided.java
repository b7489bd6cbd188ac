package io.phaseflow.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * An answer to an agent together with its next instructions (every agent-facing command
 * returns them); the answer's own fields stay at the top level.
 */
public record Guided<T>(@JsonUnwrapped T answer, @JsonInclude(JsonInclude.Include.NON_NULL) Instructions instructions) {
}
