package io.phaseflow.e2e;

/**
 * {@link HostileInputTests} on the embedded H2 database.
 */
class H2HostileInputTest extends HostileInputTests {

}
