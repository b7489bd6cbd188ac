package io.phaseflow.files;

/**
 * A file written by a sync: its path (as configured, e.g.
 * {@code delegation/sprints/x/TASK.md}) and the hash of the entity it mirrors.
 */
public record SyncedFile(String path, String entityHash) {
}
