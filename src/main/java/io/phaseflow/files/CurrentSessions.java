package io.phaseflow.files;

import java.util.Optional;

import io.phaseflow.task.Task;

/**
 * The Session section of a task's TASK.md when it is written outside a session's
 * transition (a task update, a rollback, a sync through the API). Implemented where the
 * sessions live, so that this package does not depend on them.
 */
public interface CurrentSessions {

	/** The task's latest session, if it has one. */
	Optional<SessionSection> of(Task task);

}
