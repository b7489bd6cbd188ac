package io.phaseflow.e2e;

/**
 * {@link AgentInitBriefingTests} on the embedded H2 database.
 */
class H2AgentInitBriefingTest extends AgentInitBriefingTests {

}
