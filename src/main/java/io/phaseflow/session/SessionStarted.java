package io.phaseflow.session;

/**
 * A new session started on a task, published in the transaction that started it.
 */
public record SessionStarted(WorkSession session) {
}
