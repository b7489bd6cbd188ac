package io.phaseflow.e2e;

/**
 * {@link EventArchiveTests} on PostgreSQL.
 */
@PostgresTest
class PostgresEventArchiveTest extends EventArchiveTests {

}
