package io.phaseflow.e2e;

/**
 * {@link IdempotencyTests} on PostgreSQL.
 */
@PostgresTest
class PostgresIdempotencyTest extends IdempotencyTests {

}
