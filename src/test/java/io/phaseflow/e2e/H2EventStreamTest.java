package io.phaseflow.e2e;

/**
 * {@link EventStreamTests} on the embedded H2 database.
 */
class H2EventStreamTest extends EventStreamTests {

}
