package io.phaseflow.session.phase;

import java.time.OffsetDateTime;

/**
 * An artifact of a session (e.g. {@code TASK.md}): its content, the SHA-256 of the
 * content and the phase it was last submitted in.
 */
public record SessionArtifact(String phase, int iteration, String name, String content, String contentHash,
		OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
