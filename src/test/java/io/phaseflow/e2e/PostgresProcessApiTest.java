package io.phaseflow.e2e;

/**
 * {@link ProcessApiTests} on PostgreSQL.
 */
@PostgresTest
class PostgresProcessApiTest extends ProcessApiTests {

}
