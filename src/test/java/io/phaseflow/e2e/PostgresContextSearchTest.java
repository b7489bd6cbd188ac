package io.phaseflow.e2e;

/**
 * {@link ContextSearchTests} on PostgreSQL (full text search).
 */
@PostgresTest
class PostgresContextSearchTest extends ContextSearchTests {

}
