package io.phaseflow.session;

import io.phaseflow.task.Task;

/**
 * Asked before a new session starts on a task, however it is started (agent init or
 * {@code POST /sessions}); it refuses by throwing. Continuing a running session asks
 * nothing. Implemented where the rule's knowledge lives, so that sessions do not depend
 * on it.
 */
public interface StartGuard {

	/** Throws when no session may start on the task now. */
	void starting(Task task);

}
