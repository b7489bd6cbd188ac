package io.phaseflow.e2e;

/**
 * {@link GovernanceTests} on the embedded H2 database.
 */
class H2GovernanceTest extends GovernanceTests {

}
