package io.phaseflow.override;

import io.phaseflow.session.SessionStatus;
import io.phaseflow.session.WorkSession;
import io.phaseflow.session.WorkSessions;
import io.phaseflow.session.access.Refusals;
import io.phaseflow.task.CompletionGuard;
import io.phaseflow.task.Task;

import org.springframework.stereotype.Component;

/**
 * No task completes while its session waits for a reviewer's decision: not by a status
 * report, a PM's patch, an import or a rollback.
 */
@Component
class PendingDecisionGuard implements CompletionGuard {

	private final WorkSessions sessions;

	private final Refusals refusals;

	PendingDecisionGuard(WorkSessions sessions, Refusals refusals) {
		this.sessions = sessions;
		this.refusals = refusals;
	}

	@Override
	public void completing(Task task) {
		for (WorkSession session : this.sessions.findByTask(task.id())) {
			if (session.status() == SessionStatus.AWAITING_OVERRIDE) {
				throw this.refusals.pendingOverride(session);
			}
		}
	}

}
