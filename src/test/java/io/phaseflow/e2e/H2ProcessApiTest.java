package io.phaseflow.e2e;

/**
 * {@link ProcessApiTests} on the embedded H2 database.
 */
class H2ProcessApiTest extends ProcessApiTests {

}
