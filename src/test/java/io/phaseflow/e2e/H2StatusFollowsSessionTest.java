package io.phaseflow.e2e;

/**
 * {@link StatusFollowsSessionTests} on the embedded H2 database.
 */
class H2StatusFollowsSessionTest extends StatusFollowsSessionTests {

}
