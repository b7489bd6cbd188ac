package io.phaseflow.e2e;

/**
 * {@link EventArchiveTests} on the embedded H2 database.
 */
class H2EventArchiveTest extends EventArchiveTests {

}
