package io.phaseflow.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent that asked for an override sees it from the command line: the override's id
 * and who decides when it asks, the same in {@code status}, and {@code phase wait} that
 * returns with the reviewer's decision and comment.
 */
class H2OverrideWaitTest extends ApiTestSupport {

	@TempDir
	Path work;

	CliRunner cli;

	ApiClient pm;

	@BeforeEach
	void terminal() {
		this.pm = clientWith("PM");
		String agent = unique("agent");
		ApiClient.Response registered = this.pm.post(API + "/agents", "{\"handle\": \"" + agent + "\"}");
		assertThat(registered.status()).isEqualTo(201);
		this.cli = CliRunner.of("http://localhost:" + this.port,
				clientFor(registered.json().get("id").asLong(), "AGENT").token(), agent);
	}

	@Test
	void anAgentSeesItsOverrideAndWaitsForTheDecision() throws Exception {
		String task = unique("wait");
		assertThat(createTask(this.pm, task,
				"\"description\": \"Add search\", \"metadata\": {\"acceptance_criteria\": [\"it finds things\"]}")
			.status()).isEqualTo(201);
		assertThat(this.cli.run("init", "T:" + task).exit()).isZero();
		String key = this.cli.context().get("session_key").asText();
		assertThat(this.cli.run("phase", "complete", "--artifact", artifact("TASK.md")).exit()).isZero();
		assertThat(this.cli.run("phase", "complete", "--artifact", artifact("CONTEXT.md")).exit()).isZero();

		CliRunner.Run asked = this.cli.run("phase", "complete", "--override", "--reason", "the plan is in the wiki");
		assertThat(asked.exit()).as(asked.toString()).isZero();
		String id = pendingOverride(key);
		assertThat(asked.out()).contains("Override " + id + " of the plan phase waits for reviewers to decide",
				"phaseflow phase wait");
		assertThat(this.cli.run("status").out()).contains("Override " + id + " of the plan phase waits");

		CliRunner.Run early = this.cli.run("phase", "wait", "--timeout", "1");
		assertThat(early.exit()).as(early.toString()).isEqualTo(1);
		assertThat(early.err()).contains("the override still waits", "phaseflow phase wait");

		// decided while the command waits, or before it looks: it answers the same
		CompletableFuture<CliRunner.Run> waiting = CompletableFuture.supplyAsync(() -> this.cli.run("phase", "wait"));
		ApiClient.Response decided = clientWith("REVIEWER").post(API + "/overrides/" + id + "/decision",
				"{\"decision\": \"reject\", \"comment\": \"write the plan down\"}");
		assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
		// a ceiling for a hung run only
		CliRunner.Run waited = waiting.get(120, TimeUnit.SECONDS);
		assertThat(waited.exit()).as(waited.toString()).isZero();
		assertThat(waited.out()).contains("✗ Override of the plan phase rejected by token-", ": write the plan down",
				"Work on the plan phase again", "PHASE: Plan");
		assertThat(this.cli.context().get("phase").asText()).isEqualTo("plan");
		assertThat(this.cli.run("status").out()).contains("rejected by", "write the plan down");

		CliRunner.Run nothing = this.cli.run("phase", "wait");
		assertThat(nothing.exit()).isZero();
		assertThat(nothing.out()).as("nothing waits now: it says so at once").contains("rejected by");
	}

	private String pendingOverride(String key) {
		for (JsonNode pending : clientWith("REVIEWER").get(API + "/overrides").json().get("data")) {
			if (pending.get("session_key").asText().equals(key)) {
				return pending.get("id").asText();
			}
		}
		throw new AssertionError("no override of " + key + " waits");
	}

	private String artifact(String name) throws IOException {
		return Files.writeString(this.work.resolve(name), "# " + name + "\n\nDone.\n").toString();
	}

}
