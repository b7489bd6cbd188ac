package io.phaseflow.e2e;

/**
 * {@link IdempotencyTests} on the embedded H2 database.
 */
class H2IdempotencyTest extends IdempotencyTests {

}
