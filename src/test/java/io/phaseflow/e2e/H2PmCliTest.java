package io.phaseflow.e2e;

import java.nio.file.Path;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PM's day on the command line, without curl: tasks with criteria and dependencies,
 * their status, and search. Commands run in this JVM through the picocli entry point.
 */
class H2PmCliTest extends ApiTestSupport {

	CliRunner pm;

	String sprint;

	@BeforeEach
	void terminal() {
		this.pm = CliRunner.of("http://localhost:" + this.port, this.admin.token(), null);
		this.sprint = unique("s");
		CliRunner.Run created = this.pm.run("sprint", "create", this.sprint, "--title", "PM day");
		assertThat(created.exit()).as(created.toString()).isZero();
	}

	@Test
	void aPmPlansTasksWithCriteriaAndDependenciesChangesThemSetsTheirStatusAndFindsThem() {
		String word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String first = unique("t");
		String second = unique("t");
		CliRunner.Run created = this.pm.run("task", "create", first, "--title", "Design the index", "--sprint",
				this.sprint, "--priority", "p1", "--estimate", "90", "--criteria", "Finds " + word, "--criteria",
				"Ranks titles first");
		assertThat(created.exit()).as(created.toString()).isZero();
		assertThat(created.out()).contains("✓ Task " + first + " created: Design the index", "P1",
				"sprint " + this.sprint, "90 min", "Finds " + word, "Ranks titles first", "phaseflow init T:" + first);
		CliRunner.Run dependent = this.pm.run("--json", "task", "create", second, "--title", "Wire the search box",
				"--sprint", this.sprint, "--depends-on", first);
		assertThat(dependent.exit()).as(dependent.toString()).isZero();
		assertThat(dependent.json().get("depends_on")).extracting(JsonNode::asText).containsExactly(first);
		JsonNode stored = this.admin.get(API + "/tasks/" + first).json();
		assertThat(stored.at("/metadata/acceptance_criteria")).extracting(JsonNode::asText)
			.containsExactly("Finds " + word, "Ranks titles first");
		assertThat(stored.get("dependents")).extracting(JsonNode::asText).containsExactly(second);

		CliRunner.Run found = this.pm.run("search", word, "--scope", "sprint", "--code", this.sprint);
		assertThat(found.exit()).as(found.toString()).isZero();
		assertThat(found.out()).contains("task     " + first, "Design the index");
		CliRunner.Run nothing = this.pm.run("search", word + "x");
		assertThat(nothing.exit()).isZero();
		assertThat(nothing.out()).contains("Nothing contains every word");

		CliRunner.Run duplicate = this.pm.run("task", "create", first, "--title", "Again");
		assertThat(duplicate.exit()).as(duplicate.toString()).isEqualTo(3);
		assertThat(duplicate.err()).contains("phaseflow task update " + first);
		CliRunner.Run unknownSprint = this.pm.run("task", "create", unique("t"), "--title", "Lost", "--sprint",
				"no-such-sprint");
		assertThat(unknownSprint.exit()).as(unknownSprint.toString()).isEqualTo(2);
		assertThat(unknownSprint.err()).contains("phaseflow sprint create no-such-sprint");
		CliRunner.Run untitled = this.pm.run("task", "create", unique("t"));
		assertThat(untitled.exit()).isEqualTo(2);
		assertThat(untitled.err()).contains("--title");

		CliRunner.Run listed = this.pm.run("task", "list", "--sprint", this.sprint);
		assertThat(listed.exit()).as(listed.toString()).isZero();
		assertThat(listed.out()).contains(first, second, "Design the index", "(depends on " + first + ")");
		CliRunner.Run listedJson = this.pm.run("--json", "task", "list", "--sprint", this.sprint);
		assertThat(listedJson.json().get("data")).extracting((task) -> task.get("task_code").asText())
			.contains(first, second);

		CliRunner.Run updated = this.pm.run("task", "update", first, "--criteria", "Finds every word", "--estimate",
				"120");
		assertThat(updated.exit()).as(updated.toString()).isZero();
		assertThat(updated.out()).contains("✓ Task " + first + " updated", "Finds every word", "120 min")
			.doesNotContain("Ranks titles first");
		JsonNode changed = this.admin.get(API + "/tasks/" + first).json();
		assertThat(changed.at("/metadata/acceptance_criteria")).as("the list is replaced")
			.extracting(JsonNode::asText)
			.containsExactly("Finds every word");
		assertThat(changed.get("title").asText()).as("what is not named stays").isEqualTo("Design the index");
		assertThat(this.pm.run("task", "update", first).exit()).as("nothing to change").isEqualTo(2);
		CliRunner.Run unknown = this.pm.run("task", "update", unique("t"), "--title", "x");
		assertThat(unknown.exit()).isEqualTo(4);
		assertThat(unknown.err()).contains("phaseflow task create");

		CliRunner.Run started = this.pm.run("task", "status", second, "in_progress");
		assertThat(started.exit()).as(started.toString()).isZero();
		assertThat(started.out()).contains("✓ Task " + second + " is in_progress.");
		CliRunner.Run inProgress = this.pm.run("task", "list", "--sprint", this.sprint, "--status", "in_progress");
		assertThat(inProgress.out()).contains(second).doesNotContain("Design the index");
		CliRunner.Run noNotes = this.pm.run("task", "status", second, "completed");
		assertThat(noNotes.exit()).as(noNotes.toString()).isEqualTo(2);
		assertThat(noNotes.err()).contains("--notes");
		CliRunner.Run completed = this.pm.run("task", "status", second, "completed", "--notes", "Box wired", "--force");
		assertThat(completed.exit()).as(completed.toString()).isZero();
		assertThat(this.admin.get(API + "/tasks/" + second).json().get("status").asText()).isEqualTo("completed");

		CliRunner.Run index = this.pm.run("search", "every word", "--scope", "sprint", "--code", this.sprint);
		assertThat(index.exit()).as(index.toString()).isZero();
		assertThat(index.out()).contains("task", first);
		CliRunner.Run json = this.pm.run("--json", "search", "every word", "--scope", "task", "--code", first);
		assertThat(json.json().get("results")).extracting((result) -> result.get("ref").asText()).contains(first);
		CliRunner.Run noCode = this.pm.run("search", "word", "--scope", "task");
		assertThat(noCode.exit()).as(noCode.toString()).isEqualTo(2);
		assertThat(noCode.err()).contains("--code");
	}

	@Test
	void aPmRegistersAnAgentIssuesItsTokenArchivesAndRevokesTheTokenAgain() {
		String handle = unique("agent");
		CliRunner.Run registered = this.pm.run("agent", "register", handle, "--name", "Indexer", "--capability", "java",
				"--capability", "sql");
		assertThat(registered.exit()).as(registered.toString()).isZero();
		assertThat(registered.out()).contains("✓ Agent " + handle + " registered", "(ai)",
				"Next: phaseflow token issue " + handle + " --role AGENT --agent " + handle);
		JsonNode agent = this.admin.get(API + "/agents/" + handle).json();
		assertThat(agent.get("capabilities")).extracting(JsonNode::asText).containsExactly("java", "sql");
		CliRunner.Run again = this.pm.run("agent", "register", handle);
		assertThat(again.exit()).as(again.toString()).isEqualTo(3);
		assertThat(again.err()).contains("phaseflow token issue " + handle);

		String name = unique("token");
		CliRunner.Run issued = this.pm.run("token", "issue", name, "--role", "agent", "--agent", handle);
		assertThat(issued.exit()).as(issued.toString()).isZero();
		assertThat(issued.out()).contains("✓ Token " + name + " issued", "roles AGENT",
				"agent " + agent.get("id").asText(), "shown only now");
		String secret = issued.out()
			.lines()
			.filter((line) -> line.startsWith("    "))
			.findFirst()
			.orElseThrow()
			.strip();
		long id = this.admin.get(API + "/admin/tokens")
			.json()
			.get("data")
			.valueStream()
			.filter((token) -> token.get("name").asText().equals(name))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
		CliRunner agentCli = CliRunner.of("http://localhost:" + this.port, secret, handle);
		String task = unique("t");
		assertThat(this.pm.run("task", "create", task, "--title", "Index", "--sprint", this.sprint).exit()).isZero();
		CliRunner.Run init = agentCli.run("init", "T:" + task);
		assertThat(init.exit()).as("the secret works, as the agent: " + init).isZero();
		String key = agentCli.context().get("session_key").asText();
		assertThat(this.admin.get(API + "/sessions/" + key).json().get("agent_id").asLong())
			.isEqualTo(agent.get("id").asLong());
		CliRunner.Run listed = this.pm.run("token", "list");
		assertThat(listed.out()).contains(name).doesNotContain(secret);

		CliRunner.Run noAgent = this.pm.run("token", "issue", unique("token"), "--role", "AGENT", "--agent",
				"no-such-agent");
		assertThat(noAgent.exit()).isEqualTo(4);
		assertThat(noAgent.err()).contains("phaseflow agent register no-such-agent");
		CliRunner notAdmin = this.pm.with("PHASEFLOW_TOKEN", tokenWith("PM"));
		CliRunner.Run refused = notAdmin.run("token", "issue", unique("token"), "--role", "PM");
		assertThat(refused.exit()).as(refused.toString()).isEqualTo(5);
		assertThat(refused.err()).contains("ADMIN role");

		CliRunner.Run archived = this.pm.run("archive");
		assertThat(archived.exit()).as(archived.toString()).isZero();
		assertThat(archived.out()).startsWith("✓ Archived ");
		assertThat(this.pm.run("--json", "archive").json().has("archived")).isTrue();

		CliRunner.Run revoked = this.pm.run("token", "revoke", String.valueOf(id));
		assertThat(revoked.exit()).as(revoked.toString()).isZero();
		assertThat(revoked.out()).contains("✓ Token " + id + " (" + name + ") revoked");
		CliRunner.Run shut = agentCli.run("status");
		assertThat(shut.exit()).as(shut.toString()).isEqualTo(5);
		assertThat(shut.err()).contains("401", "PHASEFLOW_TOKEN");
		assertThat(this.pm.run("token", "list").out()).containsPattern(name + " .* revoked ");
	}

	@Test
	void aPmFilesABugOnceAndWritesAnAdr() {
		String title = "Search misses " + UUID.randomUUID();
		CliRunner.Run filed = this.pm.run("bug", title, "--description", "No hits for TASK.md", "--priority", "p1",
				"--sprint", this.sprint);
		assertThat(filed.exit()).as(filed.toString()).isZero();
		assertThat(filed.out()).contains("✓ Bug filed as task bug-", "(P1): " + title, "phaseflow task update bug-");
		String code = filed.out().replaceAll("(?s).*task (bug-[0-9a-f]+).*", "$1");
		assertThat(this.admin.get(API + "/tasks/" + code).json().get("sprint_code").asText()).isEqualTo(this.sprint);
		CliRunner.Run again = this.pm.run("bug", title, "--description", "no hits for  TASK.md");
		assertThat(again.exit()).as(again.toString()).isZero();
		assertThat(again.out()).contains("filed before: task " + code, "nothing new was filed");
		CliRunner.Run lost = this.pm.run("bug", "Lost", "--sprint", "no-such-sprint");
		assertThat(lost.exit()).as(lost.toString()).isEqualTo(2);
		assertThat(lost.err()).contains("an existing sprint");

		CliRunner.Run adr = this.pm.run("adr", "Rank with ts_rank", "--context", "Search needs an order", "--decision",
				"Use ts_rank on both databases", "--status", "accepted");
		assertThat(adr.exit()).as(adr.toString()).isZero();
		assertThat(adr.out()).containsPattern("✓ ADR-\\d{3} written: .*ADR-\\d{3}-rank-with-ts-rank\\.md");
		Path file = Path.of(adr.out().strip().replaceAll(".*written: ", ""));
		assertThat(file).content().contains("Use ts_rank on both databases");
		CliRunner.Run badStatus = this.pm.run("adr", "Something", "--status", "maybe");
		assertThat(badStatus.exit()).as(badStatus.toString()).isEqualTo(2);
		assertThat(badStatus.err()).contains("--status proposed|accepted");
	}

}
