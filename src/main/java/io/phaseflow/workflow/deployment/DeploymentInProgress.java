package io.phaseflow.workflow.deployment;

import java.util.List;

import io.phaseflow.common.PhaseflowException;
import io.phaseflow.common.PhaseflowException.Kind;

/**
 * Another deployment held the deployment lock for longer than a deployment waits; this
 * one changed nothing.
 */
public class DeploymentInProgress extends PhaseflowException {

	public DeploymentInProgress() {
		super(Kind.CONFLICT, "Another deployment is in progress; try again when it has finished", List.of());
	}

	@Override
	public String title() {
		return "Conflict";
	}

}
