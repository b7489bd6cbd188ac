package io.phaseflow.e2e;

/**
 * {@link FilesGovernanceTests} on PostgreSQL.
 */
@PostgresTest
class PostgresFilesGovernanceTest extends FilesGovernanceTests {

}
