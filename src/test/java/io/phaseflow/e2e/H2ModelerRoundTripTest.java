package io.phaseflow.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.flowable.engine.RepositoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process designer's round trip: both BPMN files are opened in bpmn-js (the bpmn.io
 * modeler) in headless Chromium, with their diagrams, and saved again; the saved files
 * deploy unchanged in meaning, and a session runs through all six phases on them.
 */
@ExtendWith(ModelerAvailable.class)
@TestPropertySource(properties = "phaseflow.test.isolated-context=modeler")
class H2ModelerRoundTripTest extends ApiTestSupport {

	private static ChromeDriver browser;

	@Autowired
	RepositoryService repository;

	@BeforeAll
	static void openBrowser() {
		browser = Browsers.headless("--allow-file-access-from-files", "--window-size=1800,1000");
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		browser.get(ModelerAvailable.MODELER.resolve("modeler.html").toAbsolutePath().toUri().toString());
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void theProcessesOpenInAModelerAndRunAfterItSavesThem() throws Exception {
		JsonNode main = openAndSave("agent-task-session.bpmn20.xml", 13, 13);
		assertThat(main.get("serviceTasks")).extracting(JsonNode::asText)
			.as("the designer sees the session's TASK.md written as it completes")
			.containsSubsequence("Complete session", "Sync TASK.md");
		String session = main.get("xml").asText();
		JsonNode opened = openAndSave("session-phase.bpmn20.xml", 20, 22);
		assertThat(opened.get("serviceTasks")).extracting(JsonNode::asText)
			.as("the designer sees each step the process takes, the events it emits and the files it writes among them")
			.containsSubsequence("Enter phase", "Sync TASK.md", "Check artifacts and fields", "Sync TASK.md",
					"Emit phase events", "Leave phase");
		String phase = opened.get("xml").asText();
		long versionBefore = latestVersion("agentTaskSession");
		this.repository.createDeployment()
			.name("saved by bpmn-js")
			.addString("agent-task-session.bpmn20.xml", session)
			.addString("session-phase.bpmn20.xml", phase)
			.deploy();
		assertThat(latestVersion("agentTaskSession")).isEqualTo(versionBefore + 1);

		ApiClient pm = clientWith("PM");
		long agentId = pm.post(API + "/agents", "{\"handle\": \"" + unique("designer") + "\"}")
			.json()
			.get("id")
			.asLong();
		ApiClient agent = clientFor(agentId, "AGENT");
		String task = unique("modeled");
		createTask(pm, task, "\"description\": \"d\", \"metadata\": {\"acceptance_criteria\": [\"ok\"]}");
		String key = agent.post(API + "/sessions", "{\"task_code\": \"" + task + "\", \"agent_id\": " + agentId + "}")
			.json()
			.get("session_key")
			.asText();
		String[][] phases = { { "TASK.md", "{}" }, { "CONTEXT.md", "{}" }, { "PLAN.md", "{}" }, { "CHANGES.md", "{}" },
				{ "REVIEW.md", "{\"qa_status\": \"qa_passed\"}" }, { "SUMMARY.md", "{}" } };
		for (String[] step : phases) {
			agent.post(API + "/sessions/" + key + "/artifacts",
					"{\"name\": \"" + step[0] + "\", \"content\": \"done\"}");
			ApiClient.Response moved = agent.post(API + "/sessions/" + key + "/phase-complete", step[1]);
			assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		}
		assertThat(agent.get(API + "/sessions/" + key).json().get("status").asText()).isEqualTo("completed");
	}

	private JsonNode openAndSave(String file, int minShapes, int minConnections) throws Exception {
		String xml = Files.readString(Path.of("processes", file));
		Object result = browser.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				window.openAndSave(arguments[0]).then(done, (error) => done(JSON.stringify({ error: String(error) })));
				""", xml);
		JsonNode answer = ApiClient.parse((String) result);
		assertThat(answer.has("error")).as(file + ": " + answer.path("error").asText()).isFalse();
		assertThat(answer.get("warnings")).as(file + " imports without warnings").isEmpty();
		assertThat(answer.get("shapes").asInt()).as(file + " shapes").isGreaterThanOrEqualTo(minShapes);
		assertThat(answer.get("connections").asInt()).as(file + " connections").isGreaterThanOrEqualTo(minConnections);
		Browsers.screenshot(browser, Path.of("target", "modeler", file + ".png"));
		return answer;
	}

	private long latestVersion(String key) {
		return this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(key)
			.latestVersion()
			.singleResult()
			.getVersion();
	}

}
