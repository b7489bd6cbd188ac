package io.phaseflow.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every template's output for one task and sprint whose text carries unicode, markdown's
 * special characters and template syntax, compared with the expected files under
 * {@code src/test/resources/golden/}. Data is output as written, never evaluated. A
 * differing output is written to {@code target/golden-actual/} for review.
 */
class H2GoldenFilesTest extends ApiTestSupport {

	private static final String TITLE = "Ünïcödé — “quotes” | pipes *stars* _under_ `ticks` ${7*7} <#assign x=1>";

	@Test
	void everyTemplateRendersTheDataLiterally() throws Exception {
		ApiClient pm = clientWith("PM");
		pm.post(API + "/sprints", "{\"sprint_code\": \"golden-sprint\", \"title\": \"Spring ✿ sprint | one\", "
				+ "\"owner\": \"Team <Ω>\", \"metadata\": {\"goal\": \"Ship ${goal}\", \"start_date\": \"2026-11-22\"}}");
		ApiClient.Response task = pm
			.post(API + "/tasks", "{\"task_code\": \"golden-task\", \"sprint_code\": \"golden-sprint\", "
					+ "\"title\": \"" + TITLE
					+ "\", \"priority\": \"P1\", \"description\": \"Line one\\n\\n## Not a heading? <b>html</b>\", "
					+ "\"metadata\": {\"objectives\": [\"Emoji 🚀 works\", \"Multi\\nline item\"], \"deliverables\": [\"[link](http://x)\"], "
					+ "\"acceptance_criteria\": [\"100% <#if true>done</#if>\", {\"nested\": \"object\"}]}}");
		assertThat(task.status()).as(task.toString()).isEqualTo(201);
		assertThat(pm.post(API + "/sprints/golden-sprint/sync", null).status()).isEqualTo(200);
		long agentId = pm.post(API + "/agents", "{\"handle\": \"golden-agent\"}").json().get("id").asLong();
		ApiClient agent = clientFor(agentId, "AGENT");
		String key = agent.post(API + "/sessions", "{\"task_code\": \"golden-task\", \"agent_id\": " + agentId + "}")
			.json()
			.get("session_key")
			.asText();

		Path folder = this.properties.dataDir().resolve("delegation/sprints/golden-sprint");
		Map<String, String> outputs = new LinkedHashMap<>();
		// the session's key is random: the file names it as sess-KEY here
		outputs.put("TASK.md",
				Files.readString(folder.resolve("golden-task/TASK.md")).replace(key.substring(5), "KEY"));
		outputs.put("SPRINT.md", Files.readString(folder.resolve("SPRINT.md")));
		for (String artifact : new String[] { "CONTEXT.md", "PLAN.md", "CHANGES.md", "REVIEW.md", "SUMMARY.md" }) {
			outputs.put(artifact, agent.get(API + "/sessions/" + key + "/artifacts/" + artifact + "/draft").body());
		}
		outputs.put("intake-banner.txt",
				agent.get(API + "/sessions/" + key).json().at("/instructions/banner").asText());

		Path actual = Path.of("target", "golden-actual");
		Files.createDirectories(actual);
		for (Map.Entry<String, String> output : outputs.entrySet()) {
			Files.writeString(actual.resolve(output.getKey()), output.getValue());
		}
		for (Map.Entry<String, String> output : outputs.entrySet()) {
			String expected = new ClassPathResource("golden/" + output.getKey())
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(output.getValue()).as("golden/" + output.getKey()).isEqualTo(expected);
		}
		assertThat(outputs.get("TASK.md")).contains(TITLE).doesNotContain("49");
	}

}
