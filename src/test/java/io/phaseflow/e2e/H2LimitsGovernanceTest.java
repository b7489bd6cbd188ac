package io.phaseflow.e2e;

/**
 * {@link LimitsGovernanceTests} on the embedded H2 database.
 */
class H2LimitsGovernanceTest extends LimitsGovernanceTests {

}
