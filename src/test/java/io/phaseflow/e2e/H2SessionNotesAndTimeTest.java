package io.phaseflow.e2e;

/**
 * {@link SessionNotesAndTimeTests} on the embedded H2 database.
 */
class H2SessionNotesAndTimeTest extends SessionNotesAndTimeTests {

}
