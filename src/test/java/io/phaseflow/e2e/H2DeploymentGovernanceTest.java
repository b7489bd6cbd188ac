package io.phaseflow.e2e;

/**
 * {@link DeploymentGovernanceTests} on the embedded H2 database.
 */
class H2DeploymentGovernanceTest extends DeploymentGovernanceTests {

}
