package io.phaseflow.workflow.deployment;

import java.util.stream.Collectors;

import io.phaseflow.workflow.DeploymentRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At start, before the server takes requests: deploys the working copy's processes and
 * {@code workflow.yaml} when they changed since they were last deployed from it. A
 * version uploaded since then stays active while the working copy is unchanged. A refused
 * working copy is logged with every problem and shown in the {@code workflow} health
 * component; the server comes up on the active version (a failed start would leave an
 * operator nothing to fix the deployed version with).
 */
@Component
class WorkingCopyDeployment implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(WorkingCopyDeployment.class);

	private final WorkflowDeployer deployer;

	private final WorkflowConsistency consistency;

	WorkingCopyDeployment(WorkflowDeployer deployer, WorkflowConsistency consistency) {
		this.deployer = deployer;
		this.consistency = consistency;
	}

	@Override
	public void afterSingletonsInstantiated() {
		try {
			this.deployer.deployWorkingCopy(true);
		}
		catch (DeploymentRejected ex) {
			log.error("The working copy was refused; nothing was deployed:\n{}\n{}",
					ex.problems().stream().map((problem) -> "    " + problem).collect(Collectors.joining("\n")),
					WorkflowConsistency.WORKING_COPY_FIX);
			this.consistency.workingCopyRefused(ex.problems());
		}
	}

}
