package io.phaseflow.e2e;

/**
 * {@link InputAndSecurityTests} on the embedded H2 database.
 */
class H2InputAndSecurityTest extends InputAndSecurityTests {

}
