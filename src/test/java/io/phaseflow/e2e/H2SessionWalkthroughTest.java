package io.phaseflow.e2e;

/**
 * {@link SessionWalkthroughTests} on the embedded H2 database.
 */
class H2SessionWalkthroughTest extends SessionWalkthroughTests {

}
