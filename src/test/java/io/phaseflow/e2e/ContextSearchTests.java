package io.phaseflow.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /context/search} over HTTP. Every test searches for words of its own, so the
 * rest of the suite's data never shows up in its results. The ranking test expects the
 * same results, in the same order and with the same scores, on H2 and PostgreSQL.
 */
abstract class ContextSearchTests extends ApiTestSupport {

	/** ts_rank of one heading word (weight A) and of body words (weight D). */
	private static final float ONE_TITLE_WORD = 0.6079271f;

	private static final float THREE_BODY_WORDS = 0.082745634f;

	private static final float TWO_BODY_WORDS = 0.075990885f;

	private static final float ONE_BODY_WORD = 0.06079271f;

	ApiClient pm;

	ApiClient agent;

	SessionDriver driver;

	@BeforeEach
	void people() {
		this.pm = clientWith("PM");
		this.agent = clientWith("AGENT");
		this.driver = SessionDriver.with(this.pm, this.agent);
	}

	@Test
	void resultsAreRankedTheSameOnEveryDatabase() {
		String word = word();
		String titled = task(null, "Plan " + word, "nothing to see");
		String session = session(task(null, "Other work", "unrelated"));
		artifact(session, "NOTES.md", word + " and " + word + " and " + word.toUpperCase());
		artifact(session, "LOG.md", "once " + word + ", twice " + word);

		JsonNode answer = ok(search(word, ""));
		assertThat(answer.get("words")).extracting(JsonNode::asText).containsExactly(word);
		assertThat(refs(answer)).containsExactly("task:" + titled, "artifact:" + session + "/NOTES.md",
				"artifact:" + session + "/LOG.md", "event:" + createdEvent(titled));
		assertThat(scores(answer)).containsExactly(ONE_TITLE_WORD, THREE_BODY_WORDS, TWO_BODY_WORDS, ONE_BODY_WORD);
		assertThat(answer.get("instructions").get("suggested_commands")).extracting(JsonNode::asText)
			.containsExactly("GET /api/orchestration/tasks/" + titled,
					"GET /api/orchestration/sessions/" + session + "/artifacts/NOTES.md",
					"GET /api/orchestration/sessions/" + session + "/artifacts/LOG.md");

		// Every word must be there; near each other ranks higher than far apart.
		String other = word();
		artifact(session, "FAR.md", word + " " + "filler ".repeat(40) + other);
		artifact(session, "NEAR.md", "see " + word + " " + other);
		assertThat(refs(ok(search(other + " " + word, "")))).containsExactly("artifact:" + session + "/NEAR.md",
				"artifact:" + session + "/FAR.md");
		assertThat(refs(ok(search(word + " " + other, "&limit=1"))))
			.containsExactly("artifact:" + session + "/NEAR.md");
	}

	@Test
	void scopesLimitWhatIsSearched() {
		String word = word();
		String sprint = unique("sprint");
		assertThat(createSprint(this.pm, sprint).status()).isEqualTo(201);
		String inSprint = task(sprint, "Alpha " + word, null);
		String alsoInSprint = task(sprint, "Beta", "the " + word + " is here");
		String outside = task(null, "Gamma " + word, null);
		String session = session(inSprint);
		String otherSession = session(outside);
		artifact(session, "NOTES.md", "about " + word);
		artifact(otherSession, "NOTES.md", "about " + word);

		List<String> inSession = refs(ok(search(word, "&scope=session&code=" + session)));
		assertThat(inSession).contains("task:" + inSprint, "artifact:" + session + "/NOTES.md")
			.doesNotContain("task:" + alsoInSprint, "task:" + outside, "artifact:" + otherSession + "/NOTES.md",
					"event:" + createdEvent(inSprint));

		List<String> inTask = refs(ok(search(word, "&scope=task&code=" + inSprint)));
		assertThat(inTask)
			.contains("task:" + inSprint, "artifact:" + session + "/NOTES.md", "event:" + createdEvent(inSprint))
			.doesNotContain("task:" + alsoInSprint, "task:" + outside, "artifact:" + otherSession + "/NOTES.md");

		List<String> inSprintScope = refs(ok(search(word, "&scope=sprint&code=" + sprint.toUpperCase())));
		assertThat(inSprintScope)
			.contains("task:" + inSprint, "task:" + alsoInSprint, "artifact:" + session + "/NOTES.md",
					"event:" + createdEvent(alsoInSprint))
			.doesNotContain("task:" + outside, "artifact:" + otherSession + "/NOTES.md",
					"event:" + createdEvent(outside));

		List<String> everywhere = refs(ok(search(word, "&scope=project")));
		assertThat(everywhere).contains("task:" + inSprint, "task:" + alsoInSprint, "task:" + outside,
				"artifact:" + session + "/NOTES.md", "artifact:" + otherSession + "/NOTES.md");
	}

	@Test
	void snippetsShowTheMatchAndInstructionsHowToReadOn() {
		String word = word();
		String code = task(null, "Plain title", "Some words first. Then the " + word.toUpperCase() + " itself.");
		String session = session(code);
		artifact(session, "PLAN.md", "# Plan\n\n" + "Intro line. ".repeat(30) + "\nStep: " + word + " the thing.\n"
				+ "Then " + word + " again, and " + word + " once more.");

		JsonNode answer = ok(search(word, "&scope=task&code=" + code));
		assertThat(answer.get("results")).isNotEmpty().allSatisfy((result) -> {
			assertThat(result.get("snippet").asText().toLowerCase()).contains("**" + word + "**");
			assertThat(result.get("created_at").asText()).isNotBlank();
			assertThat(result.get("title").asText()).isNotBlank();
		});
		JsonNode artifact = result(answer, "artifact:" + session + "/PLAN.md");
		assertThat(artifact.get("title").asText()).isEqualTo("PLAN.md");
		assertThat(artifact.get("snippet").asText()).startsWith("…").contains("Step: **" + word + "** the thing.");
		JsonNode task = result(answer, "task:" + code);
		assertThat(task.get("title").asText()).isEqualTo("Plain title");
		assertThat(task.get("snippet").asText()).contains("Then the **" + word.toUpperCase() + "** itself.");

		JsonNode instructions = answer.get("instructions");
		assertThat(instructions.get("next_actions")).isNotEmpty();
		assertThat(instructions.get("suggested_commands").get(0).asText())
			.isEqualTo("GET /api/orchestration/sessions/" + session + "/artifacts/PLAN.md");

		JsonNode inSession = ok(search(word, "&scope=session&code=" + session));
		assertThat(inSession.get("instructions").get("context_reminder").get("active_task").asText()).isEqualTo(code);
		assertThat(inSession.get("instructions").get("context_reminder").get("active_phase").asText())
			.isEqualTo("intake");
	}

	@Test
	void wordsMatchWholeIgnoringCaseAndPunctuation() {
		String word = word();
		String session = session(task(null, "Unicode", null));
		artifact(session, "NOTES.md", "ÉCOLE Größe 日本語 " + word + " TASK.md phase-complete (done)");

		assertThat(refs(ok(search("école GRÖSSE", "")))).doesNotContain("artifact:" + session + "/NOTES.md");
		for (String query : List.of("école größe 日本語 " + word, word + " task md", "\"" + word + "\" phase-complete!",
				word.toUpperCase() + " (DONE)")) {
			assertThat(refs(ok(search(query, "&scope=session&code=" + session)))).as(query)
				.containsExactly("artifact:" + session + "/NOTES.md");
		}
		// A word is matched whole: a part of it is another word.
		assertThat(ok(search(word.substring(0, 6), "&scope=session&code=" + session)).get("results")).isEmpty();
		JsonNode none = ok(search(word + " absent" + word, "&scope=session&code=" + session));
		assertThat(none.get("results")).isEmpty();
		assertThat(none.get("instructions").get("next_actions").get(0).asText()).contains("wider scope");
	}

	@Test
	void badSearchesAreRefused() {
		String task = task(null, "Exists", null);
		problem(this.admin.get(API + "/context/search"), 422, "q");
		problem(search("   ", ""), 422, "q");
		problem(search("&|!:*() -- ''", ""), 422, "q");
		problem(search("x".repeat(501), ""), 422, "q");
		problem(search("word", "&scope=galaxy"), 422, "scope");
		problem(search("word", "&scope=task"), 422, "code");
		problem(search("word", "&scope=project&code=" + task), 422, "code");
		problem(search("word", "&scope=task&code=" + unique("none")), 404, null);
		problem(search("word", "&scope=sprint&code=" + unique("none")), 404, null);
		problem(search("word", "&scope=session&code=sess-" + UUID.randomUUID()), 404, null);
		problem(search("word", "&scope=task&code=" + enc("../etc")), 400, "code");
		problem(search("word", "&limit=0"), 400, "limit");
		problem(search("word", "&limit=101"), 400, "limit");
		problem(search("word", "&limit=many"), 400, "limit");
		assertThat(this.admin.as(null).get(API + "/context/search?q=word").status()).isEqualTo(401);
		assertThat(clientWith("REVIEWER").get(API + "/context/search?q=word").status()).isEqualTo(200);
	}

	@Test
	void hostileQueriesAreOnlyWords() {
		String word = word();
		String session = session(task(null, "Hostile", null));
		artifact(session, "NOTES.md", "robert " + word + " tables b");
		for (String query : List.of("robert'); DROP TABLE orchestration_tasks; --", "\" OR 1=1 --", "' OR ''='",
				"1; SELECT pg_sleep(10)")) {
			ApiClient.Response found = search(query, "&scope=session&code=" + session);
			assertThat(found.status()).as(query + " → " + found).isEqualTo(200);
			assertThat(found.json().get("results")).as(query).isEmpty();
		}
		for (String query : List.of(word + " & | ! : * ( ) <-> !! tables", "<b>" + word + "</b>",
				"%_\\ " + word + " %' robert", "'" + word + "':* | robert", word + " 😀 ⌘ \u200b tables",
				"(" + word + ")")) {
			ApiClient.Response found = search(query, "&scope=session&code=" + session);
			assertThat(found.status()).as(query + " → " + found).isEqualTo(200);
			assertThat(refs(found.json())).as(query).containsExactly("artifact:" + session + "/NOTES.md");
		}
		assertThat(this.pm.get(API + "/tasks").status()).isEqualTo(200);
	}

	// ---- helpers

	/** A word no other test uses: letters and digits only. */
	private static String word() {
		return "kw" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	private String task(String sprint, String title, String description) {
		String code = unique("srch");
		StringBuilder body = new StringBuilder("\"title\": " + quote(title));
		if (description != null) {
			body.append(", \"description\": ").append(quote(description));
		}
		if (sprint != null) {
			body.append(", \"sprint_code\": ").append(quote(sprint));
		}
		ApiClient.Response created = this.pm.post(API + "/tasks", "{\"task_code\": \"" + code + "\", " + body + "}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return code;
	}

	private String session(String task) {
		return this.driver.start(task, 201).get("session_key").asText();
	}

	private void artifact(String session, String name, String content) {
		ApiClient.Response put = this.agent.post(API + "/sessions/" + session + "/artifacts",
				"{\"name\": \"" + name + "\", \"content\": " + quote(content) + "}");
		assertThat(put.status()).as(put.toString()).isEqualTo(201);
	}

	private long createdEvent(String task) {
		JsonNode events = eventsOf("task", task);
		for (JsonNode event : events) {
			if (event.get("event_type").asText().equals("orchestration.task.created")) {
				return event.get("id").asLong();
			}
		}
		throw new AssertionError("No created event for " + task);
	}

	ApiClient.Response search(String query, String more) {
		return this.agent.get(API + "/context/search?q=" + enc(query) + more);
	}

	private static JsonNode ok(ApiClient.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private static void problem(ApiClient.Response response, int status, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.isProblem()).as(response.toString()).isTrue();
		if (field != null) {
			assertThat(response.json().get("errors")).extracting((error) -> error.get("field").asText())
				.as(response.toString())
				.contains(field);
		}
	}

	/** Results as {@code kind:ref}, best first. */
	private static List<String> refs(JsonNode answer) {
		List<String> refs = new ArrayList<>();
		answer.get("results")
			.forEach((result) -> refs.add(result.get("kind").asText() + ":" + result.get("ref").asText()));
		return refs;
	}

	private static List<Float> scores(JsonNode answer) {
		List<Float> scores = new ArrayList<>();
		answer.get("results").forEach((result) -> scores.add(result.get("score").floatValue()));
		return scores;
	}

	private static JsonNode result(JsonNode answer, String ref) {
		for (JsonNode result : answer.get("results")) {
			if ((result.get("kind").asText() + ":" + result.get("ref").asText()).equals(ref)) {
				return result;
			}
		}
		throw new AssertionError("No result " + ref + " in " + answer);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String quote(String value) {
		return ApiClient.quote(value);
	}

}
