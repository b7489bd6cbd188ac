package io.phaseflow.e2e;

/**
 * {@link RaceTests} on the embedded H2 database.
 */
class H2RaceTest extends RaceTests {

}
