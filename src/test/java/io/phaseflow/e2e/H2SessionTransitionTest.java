package io.phaseflow.e2e;

/**
 * {@link SessionTransitionTests} on the embedded H2 database.
 */
class H2SessionTransitionTest extends SessionTransitionTests {

}
