package io.phaseflow.memory;

import java.time.OffsetDateTime;

/**
 * A note of a session, as written.
 *
 * @param actor who wrote it (the caller's token name)
 */
public record SessionNote(long id, NoteKind kind, String text, String actor, OffsetDateTime createdAt) {
}
