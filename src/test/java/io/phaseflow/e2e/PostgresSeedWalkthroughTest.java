package io.phaseflow.e2e;

/**
 * {@link SeedWalkthroughTests} on PostgreSQL.
 */
@PostgresTest
class PostgresSeedWalkthroughTest extends SeedWalkthroughTests {

}
