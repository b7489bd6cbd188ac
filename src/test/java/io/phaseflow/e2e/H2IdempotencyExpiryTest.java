package io.phaseflow.e2e;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An idempotency key is forgotten after {@code phaseflow.idempotency.ttl} and may then be
 * used for a new request.
 */
@TestPropertySource(properties = "phaseflow.idempotency.ttl=PT1S")
class H2IdempotencyExpiryTest extends ApiTestSupport {

	@Test
	void anExpiredKeyIsFreeAgain() {
		ApiClient pm = clientWith("PM").withHeader(IdempotencyTests.KEY, unique("ttl"));
		assertThat(
				pm.post(API + "/tasks", "{\"task_code\": \"" + unique("first") + "\", \"title\": \"First\"}").status())
			.isEqualTo(201);
		ApiClient.Response reused = pm.post(API + "/tasks",
				"{\"task_code\": \"" + unique("second") + "\", \"title\": \"Second\"}");
		assertThat(reused.status()).as("still remembered").isEqualTo(422);
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> pm.post(API + "/tasks", "{\"task_code\": \"" + unique("later") + "\", \"title\": \"Later\"}")
				.status() == 201);
	}

}
