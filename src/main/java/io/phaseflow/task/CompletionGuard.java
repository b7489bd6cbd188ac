package io.phaseflow.task;

/**
 * A rule that may refuse a task's completion, however it is asked for (a status report, a
 * patch, an import, a rollback): another capability's rule, such as a session that waits
 * for a reviewer.
 */
public interface CompletionGuard {

	/**
	 * Called before a task that is not completed becomes completed, in the transaction of
	 * the change.
	 * @throws io.phaseflow.common.PhaseflowException to refuse it
	 */
	void completing(Task task);

}
