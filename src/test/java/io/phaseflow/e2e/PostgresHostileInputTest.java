package io.phaseflow.e2e;

/**
 * {@link HostileInputTests} on PostgreSQL.
 */
@PostgresTest
class PostgresHostileInputTest extends HostileInputTests {

}
