package io.phaseflow.e2e;

/**
 * {@link EventStreamTests} on PostgreSQL, where event ids commit out of order across
 * connections as they do between instances.
 */
@PostgresTest
class PostgresEventStreamTest extends EventStreamTests {

}
