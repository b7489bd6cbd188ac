package io.phaseflow.e2e;

/**
 * {@link WorkflowDeploymentTests} on the embedded H2 database.
 */
class H2WorkflowDeploymentTest extends WorkflowDeploymentTests {

}
