package io.phaseflow.flowable;

import org.flowable.engine.ManagementService;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * What code that runs Flowable outside the server needs to run it as the server does: the
 * engine's settings and the query that finds a session's waiting task. The benchmark's
 * baselines use it; nothing in the server does.
 */
public final class EngineBaseline {

	private EngineBaseline() {
	}

	/** Sets the engine up to parse and run processes as the server's engine does. */
	public static void configure(ProcessEngineConfigurationImpl engine) {
		EngineSettings.processing(engine);
	}

	/** The SQL the server finds a session's waiting user task with. */
	public static String waitingTaskSql(ManagementService management) {
		return FlowableWorkflowEngine.waitingTaskSql(management);
	}

}
