package io.phaseflow.e2e;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events older than the retention (90 days) move to the archive, except those of P0/P1
 * tasks; runs by hand or on schedule never archive an event twice. Batches of two, so a
 * run takes several, past the kept events between the due ones.
 */
@TestPropertySource(properties = "phaseflow.events.archive.batch-size=2")
abstract class EventArchiveTests extends ApiTestSupport {

	static final String ARCHIVE = API + "/admin/events/archive";

	@Autowired
	JdbcClient jdbc;

	@Test
	void oldEventsMoveToTheArchiveExceptHighPriorityOnes() throws Exception {
		SessionDriver sessions = SessionDriver.with(clientWith("PM"), clientWith("AGENT"));
		String low = sessions.readyTask();
		String high = unique("urgent");
		assertThat(sessions.pm()
			.post(API + "/tasks",
					"{\"task_code\": \"" + high + "\", \"title\": \"Urgent\", \"priority\": \"P0\", "
							+ "\"description\": \"Fix it\", \"metadata\": {\"acceptance_criteria\": [\"fixed\"]}}")
			.status()).isEqualTo(201);
		String lowSession = sessions.start(low, 201).get("session_key").asText();
		String highSession = sessions.start(high, 201).get("session_key").asText();
		int due = age(low, lowSession);
		int kept = age(high, highSession);
		assertThat(due).isPositive();
		assertThat(kept).isPositive();
		int keptInSession = inSession(highSession);

		InputAndSecurityTests.refused(sessions.pm().post(ARCHIVE, null), 403, null);
		ApiClient.Response run = this.admin.post(ARCHIVE, null);
		assertThat(run.status()).as(run.toString()).isEqualTo(200);
		assertThat(run.json().get("archived").asLong()).isEqualTo(due);
		assertThat(run.json().get("batches").asLong()).as("batches of two").isEqualTo((due + 1) / 2);
		assertThat(run.json().get("high_priority_kept_after").isNull()).as("P0/P1 events are kept forever").isTrue();

		assertThat(eventsOf("task", low)).isEmpty();
		assertThat(this.admin.get(API + "/events/session/" + lowSession).json().get("data")).isEmpty();
		assertThat(eventsOf("task", high)).isNotEmpty();
		assertThat(this.admin.get(API + "/events/session/" + highSession).json().get("data"))
			.as("the session's events, all kept")
			.hasSize(keptInSession);
		assertThat(archived(low, lowSession)).isEqualTo(due);
		assertThat(this.admin.post(ARCHIVE, null).json().get("archived").asLong()).as("nothing is due twice").isZero();

		String later = sessions.readyTask();
		String laterSession = sessions.start(later, 201).get("session_key").asText();
		int dueNow = age(later, laterSession);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<ApiClient.Response>> runs = new ArrayList<>();
		try {
			for (int i = 0; i < 4; i++) {
				runs.add(pool.submit(() -> this.admin.post(ARCHIVE, null)));
			}
			long total = 0;
			for (Future<ApiClient.Response> answer : runs) {
				ApiClient.Response response = answer.get(60, TimeUnit.SECONDS);
				assertThat(response.status()).as(response.toString()).isIn(200, 409);
				if (response.status() == 200) {
					total += response.json().get("archived").asLong();
				}
			}
			assertThat(total).as("runs at once archive each event once").isEqualTo(dueNow);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(archived(later, laterSession)).isEqualTo(dueNow);
	}

	/** Makes the task's and session's events 100 days old; returns how many. */
	private int age(String task, String sessionKey) {
		return this.jdbc
			.sql("UPDATE orchestration_events SET emitted_at = :old WHERE (entity_type = 'task' AND "
					+ "entity_code = :task) OR session_key = :session")
			.param("old", OffsetDateTime.now(ZoneOffset.UTC).minusDays(100))
			.param("task", task)
			.param("session", sessionKey)
			.update();
	}

	private int inSession(String sessionKey) {
		return this.jdbc.sql("SELECT COUNT(*) FROM orchestration_events WHERE session_key = :session")
			.param("session", sessionKey)
			.query(Integer.class)
			.single();
	}

	private int archived(String task, String sessionKey) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM orchestration_events_archive WHERE (entity_type = 'task' AND "
					+ "entity_code = :task) OR session_key = :session")
			.param("task", task)
			.param("session", sessionKey)
			.query(Integer.class)
			.single();
	}

}
