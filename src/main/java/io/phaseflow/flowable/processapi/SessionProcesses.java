package io.phaseflow.flowable.processapi;

import java.util.Collection;
import java.util.List;

import io.phaseflow.flowable.FlowableWorkflowEngine;
import io.phaseflow.flowable.ProcessVariables;
import io.phaseflow.workflow.WorkflowEngine;
import org.flowable.common.engine.api.FlowableForbiddenException;

/**
 * A session's process, its tasks, their history and the variables Phaseflow sets change
 * through Phaseflow's API only, even for an ADMIN: moving, deleting, migrating or
 * reassigning them here would skip a reviewer or the session's owner, and leave no trace
 * in the event log.
 */
final class SessionProcesses {

	private SessionProcesses() {
	}

	/** The refusal (403) of a change that Phaseflow's API makes instead. */
	static FlowableForbiddenException changedThroughPhaseflow() {
		return new FlowableForbiddenException("A session's process and its tasks change through Phaseflow's API "
				+ "(/api/orchestration/sessions/{key}/…, /overrides), not through Flowable's; here a reviewer "
				+ "claims, unclaims, completes and comments on an override task");
	}

	/** Phaseflow's own variables are written by Phaseflow only, even for an ADMIN. */
	static void notPhaseflows(Collection<String> names) {
		for (String name : names) {
			if (ProcessVariables.ALL.contains(name)) {
				throw new FlowableForbiddenException("Variable " + name + " is Phaseflow's: the session's owner, phase "
						+ "and override are changed through Phaseflow's API, not through Flowable's");
			}
		}
	}

	/** Sessions are started through Phaseflow, which records who owns them. */
	static void notASessionProcess(String key, String id) {
		for (String process : List.of(WorkflowEngine.SESSION_PROCESS, FlowableWorkflowEngine.PHASE_PROCESS)) {
			if (process.equals(key) || (id != null && id.startsWith(process + ":"))) {
				throw new FlowableForbiddenException(
						"Sessions are started through Phaseflow: POST /api/orchestration/sessions");
			}
		}
	}

}
