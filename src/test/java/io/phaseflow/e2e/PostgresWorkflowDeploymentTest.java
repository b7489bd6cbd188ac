package io.phaseflow.e2e;

/**
 * {@link WorkflowDeploymentTests} on PostgreSQL.
 */
@PostgresTest
class PostgresWorkflowDeploymentTest extends WorkflowDeploymentTests {

}
