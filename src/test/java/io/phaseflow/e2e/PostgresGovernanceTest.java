package io.phaseflow.e2e;

/**
 * {@link GovernanceTests} on PostgreSQL.
 */
@PostgresTest
class PostgresGovernanceTest extends GovernanceTests {

}
