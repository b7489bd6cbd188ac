package io.phaseflow.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agents retry: a POST sent again with the same {@code Idempotency-Key} replays the first
 * answer and changes nothing.
 */
abstract class IdempotencyTests extends ApiTestSupport {

	static final String KEY = "Idempotency-Key";

	SessionDriver sessions;

	@BeforeEach
	void people() {
		this.sessions = SessionDriver.with(clientWith("PM"), clientWith("AGENT"));
	}

	@Test
	void aRetriedCreateReplaysTheFirstAnswerAndCreatesOnce() {
		ApiClient pm = this.sessions.pm().withHeader(KEY, unique("create"));
		String code = unique("idem");
		String body = "{\"task_code\": \"" + code + "\", \"title\": \"Once\"}";
		ApiClient.Response first = pm.post(API + "/tasks", body);
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		ApiClient.Response again = pm.post(API + "/tasks", body);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(again.headers().get("location")).isEqualTo(first.headers().get("location"));
		assertThat(again.headers().get("idempotent-replayed")).containsExactly("true");
		assertThat(eventsOf("task", code)).hasSize(1);

		ApiClient.Response other = pm.post(API + "/tasks", "{\"task_code\": \"" + code + "-2\", \"title\": \"Twice\"}");
		InputAndSecurityTests.refused(other, 422, KEY);
		assertThat(this.admin.get(API + "/tasks/" + code + "-2").status()).as("nothing was created").isEqualTo(404);
	}

	@Test
	void aRetriedPhaseCompletionMovesThePhaseOnce() {
		String key = this.sessions.start(this.sessions.readyTask(), 201).get("session_key").asText();
		ApiClient agent = this.sessions.agent().withHeader(KEY, unique("complete"));
		String complete = API + "/sessions/" + key + "/phase-complete";

		ApiClient.Response refused = agent.post(complete, "{}");
		assertThat(refused.status()).as("TASK.md is missing").isEqualTo(422);
		this.sessions.putArtifact(key, "TASK.md");
		ApiClient.Response replayed = agent.post(complete, "{}");
		assertThat(replayed.status()).as("a refusal is replayed too: the retry changes nothing").isEqualTo(422);
		assertThat(replayed.body()).isEqualTo(refused.body());
		assertThat(this.sessions.session(key).get("current_phase").asText()).isEqualTo("intake");

		ApiClient fresh = this.sessions.agent().withHeader(KEY, unique("complete"));
		assertThat(fresh.post(complete, "{}").status()).isEqualTo(200);
		this.sessions.putArtifact(key, "CONTEXT.md");
		ApiClient.Response retried = fresh.post(complete, "{}");
		assertThat(retried.status()).isEqualTo(200);
		assertThat(retried.headers().get("idempotent-replayed")).containsExactly("true");
		assertThat(this.sessions.session(key).get("current_phase").asText()).as("the retry did not complete research")
			.isEqualTo("research");
	}

	@Test
	void concurrentRetriesWithOneKeyDoTheWorkOnce() throws Exception {
		ApiClient pm = this.sessions.pm().withHeader(KEY, unique("race"));
		String code = unique("race");
		String body = "{\"task_code\": \"" + code + "\", \"title\": \"Raced\"}";
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<ApiClient.Response>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < 8; i++) {
				answers.add(pool.submit(() -> pm.post(API + "/tasks", body)));
			}
			List<ApiClient.Response> responses = new ArrayList<>();
			for (Future<ApiClient.Response> answer : answers) {
				responses.add(answer.get(60, TimeUnit.SECONDS));
			}
			assertThat(responses).as("the work is done once; the others replay it or are told it still runs")
				.allMatch((response) -> response.status() == 201
						|| (response.status() == 409 && response.body().contains("still running")));
			assertThat(responses).filteredOn(
					(response) -> response.status() == 201 && !response.headers().containsKey("idempotent-replayed"))
				.hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(eventsOf("task", code)).hasSize(1);
	}

	@Test
	void keysBelongToTheirCallerAndMustBeSensible() {
		String shared = unique("shared");
		ApiClient.Response mine = this.sessions.pm()
			.withHeader(KEY, shared)
			.post(API + "/tasks", "{\"task_code\": \"" + unique("mine") + "\", \"title\": \"Mine\"}");
		assertThat(mine.status()).isEqualTo(201);
		ApiClient.Response theirs = clientWith("PM").withHeader(KEY, shared)
			.post(API + "/tasks", "{\"task_code\": \"" + unique("theirs") + "\", \"title\": \"Theirs\"}");
		assertThat(theirs.status()).as("another caller's key is not ours").isEqualTo(201);

		InputAndSecurityTests.refused(
				this.sessions.pm()
					.withHeader(KEY, "x".repeat(256))
					.post(API + "/tasks", "{\"task_code\": \"" + unique("long") + "\", \"title\": \"Long\"}"),
				400, KEY);
		InputAndSecurityTests.refused(
				this.sessions.pm()
					.withHeader(KEY, "two words")
					.post(API + "/tasks", "{\"task_code\": \"" + unique("space") + "\", \"title\": \"Space\"}"),
				400, KEY);
	}

}
