package io.phaseflow.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the command line takes from its environment and how it copes with the network:
 * each agent keeps its own context file, a lost answer is asked for once more without
 * doing the work twice, and the exit code tells a failing server from a refused one.
 */
class H2CliEnvironmentTest extends ApiTestSupport {

	@TempDir
	Path home;

	ApiClient pm;

	@BeforeEach
	void people() {
		this.pm = clientWith("PM");
	}

	@Test
	void twoAgentsOfOneUserKeepTheirOwnContextFiles() {
		CliRunner first = agentAtHome("first");
		CliRunner second = agentAtHome("second");
		String firstTask = readyTask();
		String secondTask = readyTask();
		assertThat(first.run("init", "T:" + firstTask).exit()).isZero();
		assertThat(second.run("init", "T:" + secondTask).exit()).isZero();

		Path state = this.home.resolve(".local/state/phaseflow");
		assertThat(state.resolve(first.env().get("PHASEFLOW_AGENT")).resolve("session")).isRegularFile();
		assertThat(state.resolve(second.env().get("PHASEFLOW_AGENT")).resolve("session")).isRegularFile();
		assertThat(first.run("--json", "status").json().get("task_code").asText()).isEqualTo(firstTask);
		assertThat(second.run("--json", "status").json().get("task_code").asText()).isEqualTo(secondTask);

		CliRunner.Run unnamed = first.with("PHASEFLOW_AGENT", null).run("phase", "complete");
		assertThat(unnamed.exit()).as("an agent without a handle has a context of its own").isEqualTo(2);
		assertThat(unnamed.err()).contains("No active session", state.resolve("default/session").toString());
	}

	@Test
	void xdgStateHomeTakesThePlaceOfTheHomeFolder() throws IOException {
		Path state = Files.createDirectory(this.home.resolve("state"));
		CliRunner agent = agentAtHome("xdg").with("XDG_STATE_HOME", state.toString());
		assertThat(agent.run("init", "T:" + readyTask()).exit()).isZero();
		assertThat(state.resolve("phaseflow").resolve(agent.env().get("PHASEFLOW_AGENT")).resolve("session"))
			.isRegularFile();
		assertThat(this.home.resolve(".local")).doesNotExist();
	}

	@Test
	void anAgentThatCannotNameAFolderIsRefused() {
		CliRunner runner = agentAtHome("unsafe");
		for (String agent : List.of("../other", "a/b", ".hidden", "two words")) {
			CliRunner unsafe = runner.with("PHASEFLOW_AGENT", agent);
			CliRunner.Run refused = unsafe.run("status");
			assertThat(refused.exit()).as(agent + ": " + refused).isEqualTo(2);
			assertThat(refused.err()).contains("PHASEFLOW_AGENT is not an agent handle or id");
			assertThat(unsafe.run("--json", "status").json().get("exit_code").asInt()).isEqualTo(2);
		}
		assertThat(this.home.resolve(".local")).as("nothing was written").doesNotExist();
		assertThat(this.home.getParent().resolve("other")).doesNotExist();
	}

	@Test
	void theContextFileEarlierVersionsSharedIsTakenOverOnce() {
		CliRunner agent = agentAtHome("upgraded");
		Path shared = this.home.resolve(".phaseflow/session");
		String task = readyTask();
		assertThat(agent.with("PHASEFLOW_SESSION", shared.toString()).run("init", "T:" + task).exit()).isZero();

		CliRunner.Run adopted = agent.run("--json", "status");
		assertThat(adopted.exit()).as(adopted.toString()).isZero();
		assertThat(adopted.json().get("task_code").asText()).isEqualTo(task);
		Path own = this.home.resolve(".local/state/phaseflow").resolve(agent.env().get("PHASEFLOW_AGENT"));
		assertThat(adopted.err()).contains("took the active context from " + shared, own.toString());
		assertThat(own.resolve("session")).isRegularFile();
		assertThat(shared).as("left for the other agents").isRegularFile();

		CliRunner.Run again = agent.run("status");
		assertThat(again.exit()).isZero();
		assertThat(again.err()).as("said once").doesNotContain("took the active context");
	}

	@Test
	void aWriteWhoseAnswerIsLostIsSentOnceMoreWithTheSameKeyAndDoneOnce() {
		try (LossyProxy proxy = LossyProxy.to(url())) {
			CliRunner agent = agentAtHome("retry").with("PHASEFLOW_URL", proxy.url());
			assertThat(agent.run("init", "T:" + readyTask()).exit()).isZero();
			String key = agent.run("--json", "status").json().get("session_key").asText();

			proxy.dropNextAnswerTo("/notes");
			CliRunner.Run note = agent.run("note", "Said once");
			assertThat(note.exit()).as(note.toString()).isZero();
			assertThat(note.out()).contains("Note recorded");

			List<LossyProxy.Seen> notes = proxy.seen()
				.stream()
				.filter((seen) -> seen.path().endsWith("/notes"))
				.toList();
			assertThat(notes).as("sent, lost, sent again").hasSize(2);
			assertThat(notes.get(0).idempotencyKey()).isNotBlank();
			assertThat(notes.get(1).idempotencyKey()).isEqualTo(notes.get(0).idempotencyKey());
			assertThat(notes.get(1).body()).isEqualTo(notes.get(0).body());
			assertThat(this.admin.get(API + "/sessions/" + key + "/notes").json().get("data"))
				.extracting((n) -> n.get("text").asText())
				.as("the server did the work once")
				.containsExactly("Said once");

			assertThat(agent.run("note", "Said twice").exit()).isZero();
			List<String> keys = proxy.seen()
				.stream()
				.filter((seen) -> !"GET".equals(seen.method()))
				.map(LossyProxy.Seen::idempotencyKey)
				.toList();
			assertThat(keys).as("every write carries a key, a new one but for the retry").doesNotContainNull();
			assertThat(keys.stream().distinct()).hasSize(keys.size() - 1);
		}
	}

	@Test
	void exitCodesTellAFailingServerFromARefusedToken() {
		try (LossyProxy proxy = LossyProxy.to(url())) {
			CliRunner agent = agentAtHome("codes").with("PHASEFLOW_URL", proxy.url());
			assertThat(agent.run("init", "T:" + readyTask()).exit()).isZero();
			proxy.failWith(503);
			CliRunner.Run failed = agent.run("status");
			assertThat(failed.exit()).as(failed.toString()).isEqualTo(6);
			assertThat(agent.run("--json", "status").exit()).isEqualTo(6);
			CliRunner.Run init = agent.run("--json", "init", "T:" + readyTask());
			assertThat(init.exit()).isEqualTo(6);
		}
		CliRunner.Run forbidden = agentAtHome("agent-only").run("sprint", "create", unique("s"), "--title", "No");
		assertThat(forbidden.exit()).as(forbidden.toString()).isEqualTo(5);
	}

	/**
	 * A command line for a new agent, acting under its handle, whose home folder is this
	 * test's: no {@code PHASEFLOW_SESSION}.
	 */
	private CliRunner agentAtHome(String prefix) {
		String handle = unique(prefix);
		long id = this.pm.post(API + "/agents", "{\"handle\": \"" + handle + "\"}").json().get("id").asLong();
		return CliRunner.of(url(), clientFor(id, "AGENT").token(), handle)
			.with("PHASEFLOW_SESSION", null)
			.with("HOME", this.home.toString());
	}

	/** A new task to start a session on. */
	private String readyTask() {
		String code = unique("env");
		assertThat(createTask(this.pm, code, null).status()).isEqualTo(201);
		return code;
	}

	private String url() {
		return "http://localhost:" + this.port;
	}

}
