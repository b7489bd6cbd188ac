package io.phaseflow.e2e;

/**
 * {@link InputAndSecurityTests} on PostgreSQL.
 */
@PostgresTest
class PostgresInputAndSecurityTest extends InputAndSecurityTests {

}
