package io.phaseflow.e2e;

/**
 * {@link SessionWalkthroughTests} on PostgreSQL.
 */
@PostgresTest
class PostgresSessionWalkthroughTest extends SessionWalkthroughTests {

}
