package io.phaseflow.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static io.phaseflow.e2e.ApiTestSupport.API;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first ADMIN token on a new database, with the server as its users start it: the
 * token is in {@code data/admin.token} as soon as the server answers, and a start that
 * could not write it leaves no token behind that nobody has.
 */
class AdminTokenBootstrapTest {

	@TempDir
	Path work;

	@Test
	@Timeout(300)
	void theFirstAdminTokenIsWrittenBeforeTheServerAnswersAndCommittedOnlyOnceWritten() throws Exception {
		Path data = Files.createDirectories(this.work.resolve("data"));
		List<String> args = List.of("--phaseflow.data-dir=" + data,
				"--phaseflow.files.root=" + data.resolve("delegation"),
				"--phaseflow.files.adr-dir=" + data.resolve("adr"), "--logging.level.root=warn");

		// a directory that is not empty where the file goes: the token cannot be written
		Path blocker = Files.createDirectories(data.resolve("admin.token").resolve("blocker"));
		assertThatThrownBy(() -> ServerProcess.start(this.work, "blocked", args).close())
			.hasMessageContaining("The server exited");
		try (Stream<Path> logs = Files.list(this.work)) {
			Path log = logs.filter((f) -> f.getFileName().toString().startsWith("blocked-")).findFirst().orElseThrow();
			assertThat(Files.readString(log)).contains("Could not write the first ADMIN token");
		}
		Files.delete(blocker);
		Files.delete(data.resolve("admin.token"));

		try (ServerProcess server = ServerProcess.start(this.work, "first", args)) {
			// no wait: the file is there once /actuator/health is UP
			Path file = data.resolve("admin.token");
			assertThat(file).as("written before the server took requests").isRegularFile();
			ApiClient admin = new ApiClient(server.url(), Files.readString(file).trim());
			ApiClient.Response tokens = admin.get(API + "/admin/tokens");
			assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
			assertThat(tokens.json().get("data")).as("the failed start left no token behind")
				.extracting((t) -> t.get("name").asText())
				.containsExactly("admin");
		}
	}

}
