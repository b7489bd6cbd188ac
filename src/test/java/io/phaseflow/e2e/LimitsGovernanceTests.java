package io.phaseflow.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.phaseflow.common.Limits;
import io.phaseflow.event.EventStreamProperties;
import io.phaseflow.event.EventStreams;
import io.phaseflow.memory.NoteRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Revocation reaches signed-in pages and open event streams, and no caller can make the
 * server store, send or hold more than its limits: each attack as it worked before,
 * refused now, with the state unchanged. Waits are bounded; nothing asserts a time.
 */
abstract class LimitsGovernanceTests extends WebPageSupport {

	private static final Duration WAIT = Duration.ofSeconds(30);

	/**
	 * Activity details just below the default field limit, as a large report has them.
	 */
	private static final int LARGE_DETAILS = 60_000;

	@Autowired
	Limits limits;

	@Autowired
	EventStreams streams;

	@Autowired
	EventStreamProperties streamProperties;

	@Autowired
	JdbcClient jdbc;

	private final List<EventStreamClient> opened = new ArrayList<>();

	@AfterEach
	void closeStreams() {
		this.opened.forEach(EventStreamClient::close);
	}

	@Test
	void aRevokedTokensPageSessionCanNoLongerDecideAnOverride() {
		AwaitingReviewer waiting = sessionAwaitingReviewer("plan agreed with the PM");
		Issued reviewer = issue("REVIEWER");
		ApiClient deciding = signedIn(reviewer.secret());
		ApiClient browsing = signedIn(reviewer.secret());
		ApiClient.Response inbox = deciding.get("/ui/overrides");
		assertThat(inbox.status()).isEqualTo(200);
		assertThat(browsing.get("/ui/overrides").status()).isEqualTo(200);

		revoke(reviewer);
		ApiClient.Response decided = deciding.postForm("/ui/overrides/" + waiting.overrideId() + "/decision",
				Map.of("decision", "approve", "comment", "fine", "_csrf", csrfOf(inbox)));
		InputAndSecurityTests.refused(decided, 401, null);
		assertThat(decided.json().get("detail").asText()).contains("revoked");
		assertThat(overrideOf(waiting.sessionKey())).as("still waiting").isEqualTo(waiting.overrideId());
		JsonNode session = this.admin.get(API + "/sessions/" + waiting.sessionKey()).json();
		assertThat(session.get("current_phase").asText()).isEqualTo("plan");

		ApiClient.Response page = browsing.get("/ui/overrides");
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.header("Location")).endsWith("/ui/login?error");
		assertThat(browsing.get("/ui").status()).as("signed out for good").isEqualTo(302);
		assertThat(deciding.get("/ui").status()).isEqualTo(302);
	}

	@Test
	void aRevokedTokensOpenStreamEndsWhileOthersGoOn() throws Exception {
		Issued watcher = issue("PM");
		EventStreamClient revokedStream = open(watcher.secret(), "");
		EventStreamClient otherStream = open(tokenWith("PM"), "");
		assertThat(revokedStream.nextComment(WAIT)).isEqualTo("stream open");

		revoke(watcher);
		assertThat(revokedStream.ended(WAIT)).as("the revoked token's stream ended").isTrue();
		String code = unique("after-revoke");
		assertThat(createSprint(this.admin, code).status()).isEqualTo(201);
		assertThat(nextAbout(otherStream, code)).as("another token's stream goes on").isNotNull();
		InputAndSecurityTests.refused(this.admin.as(watcher.secret()).openStream(API + "/events/stream"), 401, null);
	}

	@Test
	void aTokenCannotHoldMoreThanItsShareOfStreams() {
		await().atMost(WAIT).until(() -> this.streams.openStreams() == 0);
		String greedy = tokenWith("PM");
		for (int i = 0; i < this.streamProperties.maxStreamsPerToken(); i++) {
			open(greedy, "");
		}
		EventStreamClient refused = attempt(greedy, "");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.header("Retry-After")).isNotBlank();
		assertThat(refused.problem().get("status").asInt()).isEqualTo(429);
		assertThat(refused.problem().get("detail").asText()).contains("max-streams-per-token");
		assertThat(this.streams.openStreams()).isEqualTo(this.streamProperties.maxStreamsPerToken());

		open(tokenWith("PM"), "");
	}

	@Test
	void oversizedAgentTextIsRefusedAndNothingIsStored() {
		SessionDriver driver = newDriver();
		String key = newSession(driver);
		int maxField = (int) this.limits.maxFieldSize().toBytes();
		long events = timeline(key).size();
		long items = workItems(key);
		ApiClient agent = driver.agent();

		ApiClient.Response activity = agent.post(API + "/sessions/" + key + "/activity", activity(maxField, 0));
		InputAndSecurityTests.refused(activity, 422, "details");
		assertThat(activity.json().get("errors").get(0).get("message").asText()).contains(Integer.toString(maxField));
		ApiClient.Response note = agent.post(API + "/sessions/" + key + "/notes",
				"{\"kind\": \"note\", \"text\": \"" + "n".repeat(NoteRequest.MAX_TEXT + 1) + "\"}");
		InputAndSecurityTests.refused(note, 422, "text");
		ApiClient.Response metadata = clientWith("PM").post(API + "/tasks", "{\"task_code\": \"" + unique("big")
				+ "\", \"title\": \"Big\", \"metadata\": {\"blob\": \"" + "m".repeat(maxField) + "\"}}");
		InputAndSecurityTests.refused(metadata, 422, "metadata");

		assertThat(timeline(key)).as("no event").hasSize((int) events);
		assertThat(workItems(key)).as("no work item").isEqualTo(items);
		assertThat(agent.get(API + "/sessions/" + key + "/notes").json().get("data")).as("no note").isEmpty();
		assertThat(agent.post(API + "/sessions/" + key + "/activity", activity(maxField - 100, 0)).status())
			.as("just within the limit")
			.isEqualTo(201);
	}

	@Test
	void eventPagesEndEarlyByBytesAndPagingOnReadsEveryEventOnce() throws Exception {
		SessionDriver driver = newDriver();
		String key = newSession(driver);
		ApiClient agent = driver.agent();
		int reports = (int) (this.limits.maxEventPageSize().toBytes() / LARGE_DETAILS) + 3;
		for (int i = 0; i < reports; i++) {
			ApiClient.Response logged = agent.post(API + "/sessions/" + key + "/activity", activity(LARGE_DETAILS, i));
			assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
		}
		List<Long> all = this.jdbc.sql("SELECT id FROM orchestration_events WHERE session_key = :key ORDER BY id")
			.param("key", key)
			.query(Long.class)
			.list();
		assertThat(all).hasSizeGreaterThan(reports);

		for (String pages : List.of(API + "/events/session/" + key + "?limit=1000",
				API + "/events?session_key=" + key + "&limit=1000")) {
			ApiClient.Response first = this.admin.get(pages);
			assertThat(first.status()).isEqualTo(200);
			assertThat(first.json().get("data").size()).as(pages + " ends early").isLessThan(all.size());
			assertThat((long) first.body().length()).as("bounded by bytes")
				.isLessThan(this.limits.maxEventPageSize().toBytes() + 2 * LARGE_DETAILS);
			assertThat(idsPagingOn(pages, first)).as(pages).isEqualTo(all);
		}

		EventStreamClient replay = open(tokenWith("PM"), "?session_key=" + key + "&after_id=0");
		List<Long> streamed = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			EventStreamClient.Message event = replay.next(WAIT);
			assertThat(event).as("event " + i + " of the replay").isNotNull();
			streamed.add(event.eventId());
		}
		assertThat(streamed).isEqualTo(all);
	}

	@Test
	void errorCalledByItsPathIsNotFound() {
		for (ApiClient caller : List.of(this.admin, this.admin.as(null))) {
			InputAndSecurityTests.refused(caller.get("/error"), 404, null);
			InputAndSecurityTests.refused(caller.post("/error", "{}"), 404, null);
		}
	}

	// ---- helpers

	private record Issued(long id, String secret) {
	}

	private Issued issue(String role) {
		ApiClient.Response issued = this.admin.post(API + "/admin/tokens",
				"{\"name\": \"" + unique("limits") + "\", \"roles\": [\"" + role + "\"]}");
		assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
		return new Issued(issued.json().get("id").asLong(), issued.json().get("token").asText());
	}

	private void revoke(Issued token) {
		assertThat(this.admin.delete(API + "/admin/tokens/" + token.id()).status()).isEqualTo(200);
	}

	/** A PM, an agent and the agent's new session. */
	private SessionDriver newDriver() {
		return SessionDriver.with(clientWith("PM"), clientWith("AGENT"));
	}

	private static String newSession(SessionDriver driver) {
		return driver.start(driver.readyTask(), 201).get("session_key").asText();
	}

	/** An activity report whose details are a little over {@code size} bytes of JSON. */
	private static String activity(int size, int number) {
		return "{\"activity_type\": \"test_run\", \"details\": {\"n\": " + number + ", \"log\": \"" + "x".repeat(size)
				+ "\"}}";
	}

	private JsonNode timeline(String key) {
		return this.admin.get(API + "/events/session/" + key).json().get("data");
	}

	private long workItems(String key) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM work_items w JOIN work_sessions s ON s.id = w.session_id
				WHERE s.session_key = :key
				""").param("key", key).query(Long.class).single();
	}

	private List<Long> idsPagingOn(String pages, ApiClient.Response first) {
		List<Long> ids = new ArrayList<>();
		JsonNode page = first.json();
		while (true) {
			page.get("data").forEach((event) -> ids.add(event.get("id").asLong()));
			if (page.get("next_after_id").isNull()) {
				return ids;
			}
			ApiClient.Response next = this.admin.get(pages + "&after_id=" + page.get("next_after_id").asLong());
			assertThat(next.status()).isEqualTo(200);
			page = next.json();
		}
	}

	/** The next event about the entity with this code, skipping others. */
	private static EventStreamClient.Message nextAbout(EventStreamClient stream, String code)
			throws InterruptedException {
		while (true) {
			EventStreamClient.Message event = stream.next(WAIT);
			if (event == null || code.equals(event.json().get("entity_code").asText())) {
				return event;
			}
		}
	}

	private EventStreamClient open(String token, String query) {
		EventStreamClient stream = attempt(token, query);
		assertThat(stream.status()).as("stream " + query).isEqualTo(200);
		return stream;
	}

	private EventStreamClient attempt(String token, String query) {
		EventStreamClient stream = EventStreamClient
			.open("http://localhost:" + this.port + API + "/events/stream" + query, token, Map.of());
		this.opened.add(stream);
		return stream;
	}

}
