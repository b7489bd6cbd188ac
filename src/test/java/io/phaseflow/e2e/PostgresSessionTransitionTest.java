package io.phaseflow.e2e;

/**
 * {@link SessionTransitionTests} on PostgreSQL.
 */
@PostgresTest
class PostgresSessionTransitionTest extends SessionTransitionTests {

}
