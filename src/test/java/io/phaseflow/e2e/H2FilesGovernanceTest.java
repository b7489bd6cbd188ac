package io.phaseflow.e2e;

/**
 * {@link FilesGovernanceTests} on the embedded H2 database.
 */
class H2FilesGovernanceTest extends FilesGovernanceTests {

}
