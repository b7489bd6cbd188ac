package io.phaseflow.e2e;

/**
 * {@link AgentInitBriefingTests} on PostgreSQL.
 */
@PostgresTest
class PostgresAgentInitBriefingTest extends AgentInitBriefingTests {

}
