package io.phaseflow.e2e;

/**
 * {@link SeedWalkthroughTests} on the embedded H2 database.
 */
class H2SeedWalkthroughTest extends SeedWalkthroughTests {

}
