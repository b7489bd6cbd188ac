package io.phaseflow.e2e;

/**
 * {@link DeploymentGovernanceTests} on PostgreSQL.
 */
@PostgresTest
class PostgresDeploymentGovernanceTest extends DeploymentGovernanceTests {

}
