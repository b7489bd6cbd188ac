package io.phaseflow.flowable.processapi;

import java.util.ArrayList;
import java.util.List;

import io.phaseflow.flowable.deployment.BpmnInspector;
import io.phaseflow.workflow.ConfigProblem;
import io.phaseflow.workflow.DeploymentRejected;
import io.phaseflow.workflow.deployment.DeploymentFile;
import org.flowable.common.engine.api.FlowableForbiddenException;
import org.flowable.engine.impl.repository.DeploymentBuilderImpl;
import org.flowable.engine.repository.DeploymentBuilder;

import org.springframework.stereotype.Component;

/**
 * Processes are deployed only through Phaseflow's checked deployments. An ADMIN's upload
 * to {@code /process-api} is checked against the same rules first, so forbidden content
 * is named (422) before the upload is refused (403).
 */
@Component
class DeploymentAccess {

	private final BpmnInspector inspector;

	DeploymentAccess(BpmnInspector inspector) {
		this.inspector = inspector;
	}

	/**
	 * Never deploys; an ADMIN's files are checked first, so forbidden content is named
	 * (422) as on Phaseflow's own deployment endpoint.
	 */
	void refuse(DeploymentBuilder deploymentBuilder) {
		List<ConfigProblem> problems = new ArrayList<>();
		if (deploymentBuilder instanceof DeploymentBuilderImpl builder) {
			builder.getDeployment().getResources().forEach((name, resource) -> {
				if (name.endsWith(".bpmn20.xml") || name.endsWith(".bpmn")) {
					problems.addAll(this.inspector.inspect(new DeploymentFile(name, resource.getBytes())).problems());
				}
			});
		}
		if (!problems.isEmpty()) {
			throw new DeploymentRejected(problems);
		}
		throw new FlowableForbiddenException("Processes are deployed through POST "
				+ "/api/orchestration/workflow/deployments, which checks them against workflow.yaml and forms/");
	}

}
