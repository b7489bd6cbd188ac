package io.phaseflow.e2e;

/**
 * {@link LimitsGovernanceTests} on PostgreSQL, whose driver reads an event page in slices
 * and stores payloads as jsonb.
 */
@PostgresTest
class PostgresLimitsGovernanceTest extends LimitsGovernanceTests {

}
