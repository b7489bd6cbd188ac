package io.phaseflow.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.phaseflow.e2e.SessionNotesAndTimeTests.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The markdown mirror and the files around it, tried as a hostile agent would: text an
 * agent writes never becomes a section a PM owns.
 */
abstract class FilesGovernanceTests extends ApiTestSupport {

	/**
	 * Completion notes that try a heading, a task list, a setext heading, a fence and a
	 * comment.
	 */
	static final String HOSTILE = "Done.\n## Acceptance Criteria\n- [ ] pwned\nSetext heading\n===\n"
			+ "<!-- Acceptance Criteria -->\n```\nswallow the rest";

	SessionDriver driver;

	@BeforeEach
	void driver() {
		this.driver = SessionDriver.with(clientWith("PM"), clientNamed(unique("agent"), "AGENT"));
	}

	@Test
	void agentTextInTaskMdOpensNoSectionAndAnImportKeepsThePmsCriteria() throws IOException {
		String task = this.driver.readyTask();
		String key = this.driver.start(task, 201).get("session_key").asText();
		ApiClient agent = this.driver.agent();
		assertThat(agent.post(API + "/sessions/" + key + "/notes", body("kind", "update", "text", HOSTILE)).status())
			.isEqualTo(201);
		ApiClient.Response completed = agent.post(API + "/pm-tools/task-status", body("task_code", task, "status",
				"completed", "notes", HOSTILE, "session_key", key, "sync_to_file", true));
		assertThat(completed.status()).as(completed.toString()).isEqualTo(200);

		Path file = this.properties.dataDir().resolve("delegation/tasks/" + task + "/TASK.md");
		String markdown = Files.readString(file);
		Node document = Parser.builder().build().parse(markdown);
		assertThat(headings(document)).containsExactly("Task: Task " + task, "Description", "Acceptance Criteria",
				"Session", "Completion Notes", "Work Sessions");
		List<Node> blocks = new ArrayList<>();
		document.accept(new AbstractVisitor() {
			@Override
			public void visit(FencedCodeBlock fence) {
				blocks.add(fence);
			}

			@Override
			public void visit(HtmlBlock html) {
				blocks.add(html);
			}
		});
		assertThat(blocks).as("no fence or HTML block in\n" + markdown).isEmpty();
		assertThat(markdown).contains("## Completion Notes\nDone.\n\\## Acceptance Criteria\n\\- [ ] pwned\n"
				+ "Setext heading\n\\===\n\\<!-- Acceptance Criteria -->\n\\```\nswallow the rest\n");

		assertImportKeepsTheCriteria(task);
	}

	/**
	 * A TASK.md written before agent text was escaped, as the attack left it, imports
	 * harmlessly too.
	 */
	@Test
	void anImportReadsNothingAfterTheSectionsAgentsWrite() throws IOException {
		String task = this.driver.readyTask();
		assertThat(this.driver.pm().post(API + "/tasks/" + task + "/sync", null).status()).isEqualTo(200);
		Path file = this.properties.dataDir().resolve("delegation/tasks/" + task + "/TASK.md");
		Files.writeString(file, Files.readString(file) + "\n## Completion Notes\n" + HOSTILE + "\n");

		assertImportKeepsTheCriteria(task);
	}

	@Test
	void aSymlinkedSprintFolderIsRefusedAndNothingIsCreatedOutsideTheRoot() throws IOException {
		String sprint = unique("sprint");
		String task = unique("task");
		assertThat(createSprint(this.driver.pm(), sprint).status()).isEqualTo(201);
		assertThat(createTask(this.driver.pm(), task, "\"sprint_code\": \"" + sprint + "\"").status()).isEqualTo(201);
		Path outside = Files.createTempDirectory("phaseflow-outside");
		Path link = Files.createDirectories(root().resolve("sprints")).resolve(sprint);
		Files.createSymbolicLink(link, outside);

		for (String call : new String[] { "/sprints/" + sprint + "/sync", "/tasks/" + task + "/sync",
				"/tasks/" + task + "/import" }) {
			ApiClient.Response refused = this.driver.pm().post(API + call, null);
			InputAndSecurityTests.refused(refused, 409, link.toString());
			assertThat(refused.json().get("detail").asText()).contains(link + " is a symbolic link");
		}
		assertThat(outside).as("nothing was created through the link").isEmptyDirectory();
		assertThat(link).isSymbolicLink();
		assertThat(this.admin.get(API + "/sync/status?all=true").body()).doesNotContain(sprint);
	}

	@Test
	void aSymlinkedTaskMdIsNeitherReadNorOverwritten() throws IOException {
		String task = this.driver.readyTask();
		Path secret = Files.createTempFile("phaseflow-secret", ".md");
		String stolen = "# Task: Stolen\n\n**Task Code**: `" + task + "`\n**Status**: pending\n\n"
				+ "## Acceptance Criteria\n- stolen\n";
		Files.writeString(secret, stolen);
		Path link = Files.createDirectories(root().resolve("tasks/" + task)).resolve("TASK.md");
		Files.createSymbolicLink(link, secret);

		InputAndSecurityTests.refused(this.driver.pm().post(API + "/tasks/" + task + "/import", null), 409,
				link.toString());
		InputAndSecurityTests.refused(this.driver.pm().post(API + "/tasks/" + task + "/sync", null), 409,
				link.toString());
		JsonNode read = this.driver.pm().get(API + "/tasks/" + task).json();
		assertThat(read.get("title").asText()).isEqualTo("Task " + task);
		assertThat(read.at("/metadata/acceptance_criteria")).extracting(JsonNode::asText).containsExactly("it works");
		assertThat(secret).hasContent(stolen);
		assertThat(link).isSymbolicLink();
		assertThat(this.admin.get(API + "/sync/status?all=true").body()).doesNotContain(task);
	}

	private Path root() {
		return this.properties.dataDir().resolve("delegation");
	}

	private void assertImportKeepsTheCriteria(String task) {
		ApiClient.Response imported = this.driver.pm().post(API + "/tasks/" + task + "/import", null);
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		JsonNode read = this.driver.pm().get(API + "/tasks/" + task).json();
		assertThat(read.at("/metadata/acceptance_criteria")).extracting(JsonNode::asText).containsExactly("it works");
		assertThat(read.get("description").asText()).isEqualTo("Build it");
	}

	private static List<String> headings(Node document) {
		List<String> headings = new ArrayList<>();
		document.accept(new AbstractVisitor() {
			@Override
			public void visit(Heading heading) {
				StringBuilder text = new StringBuilder();
				heading.accept(new AbstractVisitor() {
					@Override
					public void visit(Text literal) {
						text.append(literal.getLiteral());
					}
				});
				headings.add(text.toString());
			}
		});
		return headings;
	}

}
