package io.phaseflow.e2e;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The smaller holes, on H2 (none depends on the database): the data files are owner-only,
 * Flowable's identity resources answer 404 instead of 500, and whoever may comment on a
 * task through {@code /process-api} may read the comments back. The database is a file in
 * the data directory here, as it is outside the tests.
 */
@TestPropertySource(
		properties = "spring.datasource.url=jdbc:h2:file:${phaseflow.data-dir}/phaseflow;LOCK_TIMEOUT=10000")
class H2DataAndProcessApiGovernanceTest extends ApiTestSupport {

	static final String PROCESS_API = "/process-api";

	@Test
	void theDataDirectoryAndTheDatabaseFilesAreOwnerOnly() throws Exception {
		Path data = this.properties.dataDir();
		List<Path> files;
		try (var stream = Files.list(data)) {
			files = stream.filter((file) -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)).toList();
		}
		assertThat(files).extracting((file) -> file.getFileName().toString())
			.contains("phaseflow.mv.db", "admin.token");
		for (Path file : files) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
				.isEqualTo("rw-------");
		}
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
	}

	@Test
	void flowablesIdentityResourcesAnswerNotFoundNeverAServerError() {
		for (String path : new String[] { "/identity/users", "/identity/users/admin", "/identity/groups",
				"/identity/groups/admins", "/identity/users/admin/info" }) {
			InputAndSecurityTests.refused(this.admin.get(PROCESS_API + path), 404, null);
		}
		InputAndSecurityTests.refused(
				this.admin.post(PROCESS_API + "/identity/users", "{\"id\": \"mallory\", \"password\": \"x\"}"), 404,
				null);
		InputAndSecurityTests.refused(clientWith("REVIEWER").get(PROCESS_API + "/identity/users"), 403, null);
	}

	@Test
	void aReviewerReadsBackTheCommentsOnATaskTheyMayComment() {
		SessionDriver sessions = SessionDriver.with(clientWith("PM"), clientNamed(unique("agent"), "AGENT"));
		String key = sessions.awaitingOverrideApproval("plan agreed").get("session_key").asText();
		ApiClient reviewer = clientWith("REVIEWER");
		ApiClient.Response found = reviewer.post(PROCESS_API + "/query/tasks",
				"{\"candidateGroup\": \"reviewers\", \"processInstanceVariables\": [{\"name\": \"sessionKey\","
						+ " \"value\": \"" + key + "\", \"operation\": \"equals\", \"type\": \"string\"}]}");
		String comments = PROCESS_API + "/runtime/tasks/" + found.json().at("/data/0/id").asText() + "/comments";

		ApiClient.Response posted = reviewer.post(comments, "{\"message\": \"Looks fine to me\"}");
		assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
		ApiClient.Response read = reviewer.get(comments);
		assertThat(read.status()).as(read.toString()).isEqualTo(200);
		assertThat(read.json()).extracting((comment) -> comment.get("message").asText())
			.containsExactly("Looks fine to me");
		ApiClient.Response one = reviewer.get(comments + "/" + posted.json().get("id").asText());
		assertThat(one.status()).as(one.toString()).isEqualTo(200);

		InputAndSecurityTests.refused(clientWith("PM").get(comments), 403, null);
		JsonNode stillOne = reviewer.get(comments).json();
		assertThat(stillOne).hasSize(1);
	}

}
