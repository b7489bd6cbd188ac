package io.phaseflow.e2e;

/**
 * {@link ContextSearchTests} on the embedded H2 database (ranked in Java).
 */
class H2ContextSearchTest extends ContextSearchTests {

}
