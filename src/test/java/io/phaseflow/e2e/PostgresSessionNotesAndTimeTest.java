package io.phaseflow.e2e;

/**
 * {@link SessionNotesAndTimeTests} on PostgreSQL.
 */
@PostgresTest
class PostgresSessionNotesAndTimeTest extends SessionNotesAndTimeTests {

}
