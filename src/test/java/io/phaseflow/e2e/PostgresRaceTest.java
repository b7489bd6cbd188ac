package io.phaseflow.e2e;

/**
 * {@link RaceTests} on PostgreSQL.
 */
@PostgresTest
class PostgresRaceTest extends RaceTests {

}
