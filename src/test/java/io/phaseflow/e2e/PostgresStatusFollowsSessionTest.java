package io.phaseflow.e2e;

/**
 * {@link StatusFollowsSessionTests} on PostgreSQL.
 */
@PostgresTest
class PostgresStatusFollowsSessionTest extends StatusFollowsSessionTests {

}
