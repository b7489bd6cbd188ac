package io.phaseflow.workflow.deployment;

import java.io.StringReader;
import java.util.Optional;

import io.phaseflow.workflow.WorkflowConfigInvalid;
import io.phaseflow.workflow.WorkflowConfigLoader;
import io.phaseflow.workflow.WorkflowDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The active workflow: the {@code workflow.yaml} deployed together with the session
 * process that new sessions start on. Read on every use and cached by deployment id, so
 * an instance picks up a version deployed by another instance on its next request. Falls
 * back to the file loaded at start while no deployment carries a {@code workflow.yaml}.
 */
@Component
public class Workflows {

	private static final Logger log = LoggerFactory.getLogger(Workflows.class);

	private final ProcessDeployments deployments;

	private final WorkflowDefinition startFile;

	private final WorkflowConfigLoader loader;

	private volatile Loaded loaded;

	Workflows(ProcessDeployments deployments, WorkflowDefinition workflowDefinition, WorkflowConfigLoader loader) {
		this.deployments = deployments;
		this.startFile = workflowDefinition;
		this.loader = loader;
	}

	/**
	 * The phase configuration sessions follow now. Within a transaction it is looked up
	 * once: a request that checks, moves and describes a session asks several times, and
	 * what is active does not change under it (deployments run outside such
	 * transactions).
	 */
	public WorkflowDefinition active() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return lookUp();
		}
		if (TransactionSynchronizationManager.getResource(this) instanceof WorkflowDefinition active) {
			return active;
		}
		WorkflowDefinition active = lookUp();
		TransactionSynchronizationManager.bindResource(this, active);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(Workflows.this);
			}
		});
		return active;
	}

	private WorkflowDefinition lookUp() {
		Optional<String> deploymentId = this.deployments.activeDeploymentId();
		if (deploymentId.isEmpty()) {
			return this.startFile;
		}
		Loaded current = this.loaded;
		if (current == null || !current.deploymentId().equals(deploymentId.get())) {
			current = new Loaded(deploymentId.get(), load(deploymentId.get()));
			this.loaded = current;
		}
		return current.definition();
	}

	private WorkflowDefinition load(String deploymentId) {
		Optional<DeploymentFile> file = this.deployments.file(deploymentId, ProcessDeployments.WORKFLOW_FILE);
		if (file.isEmpty()) {
			return this.startFile;
		}
		try {
			return this.loader.load("deployment " + deploymentId + ": " + ProcessDeployments.WORKFLOW_FILE,
					new StringReader(file.get().text()));
		}
		catch (WorkflowConfigInvalid ex) {
			log.error("The workflow.yaml of the active deployment no longer loads; using the one read at start:\n{}",
					ex.getMessage());
			return this.startFile;
		}
	}

	private record Loaded(String deploymentId, WorkflowDefinition definition) {
	}

}
