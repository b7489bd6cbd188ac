package io.phaseflow.workflow;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At start, before the server takes requests: deploys the working copy's processes and
 * {@code workflow.yaml} when they changed since they were last deployed from it. A
 * version uploaded since then stays active while the working copy is unchanged. A refused
 * working copy stops start-up with every problem listed.
 */
@Component
class WorkingCopyDeployment implements SmartInitializingSingleton {

	private final WorkflowDeployer deployer;

	WorkingCopyDeployment(WorkflowDeployer deployer) {
		this.deployer = deployer;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.deployer.deployWorkingCopy(true);
	}

}
