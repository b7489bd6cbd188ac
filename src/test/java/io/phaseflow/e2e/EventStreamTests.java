package io.phaseflow.e2e;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.phaseflow.event.EntityType;
import io.phaseflow.event.EventLog;
import io.phaseflow.event.EventStreamProperties;
import io.phaseflow.event.EventStreams;
import io.phaseflow.event.NewEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /events/stream} over HTTP, read line by line as a browser's EventSource
 * reads it. Waits are bounded; the test profile polls every 100 ms, waits 500 ms for a
 * gap in the ids and sends a heartbeat every second.
 */
abstract class EventStreamTests extends ApiTestSupport {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	EventLog eventLog;

	@Autowired
	EventStreams streams;

	@Autowired
	EventStreamProperties streamProperties;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataSource dataSource;

	ApiClient pm;

	String token;

	private final List<EventStreamClient> opened = new ArrayList<>();

	private final ExecutorService threads = Executors.newCachedThreadPool();

	@BeforeEach
	void people() {
		this.token = tokenWith("PM", "AGENT");
		this.pm = this.admin.as(this.token);
	}

	@AfterEach
	void closeStreams() {
		this.opened.forEach(EventStreamClient::close);
		this.threads.shutdownNow();
	}

	@Test
	void streamsTheEventsCommittedAfterConnecting() throws Exception {
		String code = unique("live");
		EventStreamClient stream = open("?entity_type=task&entity_code=" + code, Map.of());
		assertThat(stream.header("Content-Type")).startsWith("text/event-stream");

		assertThat(createTask(this.pm, code, null).status()).isEqualTo(201);
		assertThat(this.pm.patch(API + "/tasks/" + code, "{\"title\": \"Renamed\"}").status()).isEqualTo(200);

		List<EventStreamClient.Message> received = List.of(next(stream), next(stream));
		JsonNode logged = eventsOf("task", code);
		assertThat(received).extracting(EventStreamClient.Message::event)
			.containsExactly("orchestration.task.created", "orchestration.task.updated");
		for (int i = 0; i < 2; i++) {
			assertThat(received.get(i).eventId()).isEqualTo(logged.get(i).get("id").asLong());
			assertThat(received.get(i).json()).isEqualTo(logged.get(i));
		}
	}

	@Test
	void filtersApply() throws Exception {
		String sprint = unique("sprint");
		String task = unique("filtered");
		EventStreamClient sprints = open("?entity_type=sprint&entity_code=" + sprint.toUpperCase(), Map.of());
		EventStreamClient updates = open("?event_type=orchestration.task.updated&entity_code=" + task, Map.of());
		assertThat(createTask(this.pm, task, null).status()).isEqualTo(201);
		assertThat(createSprint(this.pm, sprint).status()).isEqualTo(201);
		assertThat(this.pm.patch(API + "/tasks/" + task, "{\"priority\": \"P1\"}").status()).isEqualTo(200);

		EventStreamClient.Message created = next(sprints);
		assertThat(created.event()).isEqualTo("orchestration.sprint.created");
		assertThat(created.json().get("entity_code").asText()).isEqualTo(sprint);
		EventStreamClient.Message updated = next(updates);
		assertThat(updated.event()).isEqualTo("orchestration.task.updated");
		assertThat(updated.json().get("entity_code").asText()).isEqualTo(task);

		SessionDriver driver = SessionDriver.withNewAgent(this.pm, this.pm);
		String key = driver.start(driver.readyTask(), 201).get("session_key").asText();
		JsonNode timeline = this.pm.get(API + "/events/session/" + key).json().get("data");
		long started = timeline.get(timeline.size() - 1).get("id").asLong();
		EventStreamClient session = open("?session_key=" + key + "&after_id=" + started, Map.of());
		assertThat(this.pm.post(API + "/sessions/" + key + "/pause", "{}").status()).isEqualTo(200);
		EventStreamClient.Message paused = next(session);
		assertThat(paused.event()).isEqualTo("orchestration.session.paused");
		assertThat(paused.json().get("session_key").asText()).isEqualTo(key);

		String correlation = unique("corr");
		EventStreamClient correlated = open("?correlation_id=" + correlation, Map.of());
		assertThat(createSprint(this.pm, unique("other")).status()).isEqualTo(201);
		assertThat(createSprint(this.pm.withHeader("X-Correlation-Id", correlation), unique("traced")).status())
			.isEqualTo(201);
		EventStreamClient.Message traced = next(correlated);
		assertThat(traced.json().get("correlation_id").asText()).isEqualTo(correlation);
		assertThat(traced.json().get("entity_code").asText()).startsWith("traced-");

		// Nothing else passed the filters.
		assertThat(sprints.next(Duration.ofMillis(300))).isNull();
		assertThat(updates.next(Duration.ZERO)).isNull();
		assertThat(session.next(Duration.ZERO)).isNull();
	}

	@Test
	void aResumedStreamGetsExactlyWhatItMissed() throws Exception {
		String code = unique("resume");
		String filter = "?entity_type=task&entity_code=" + code;
		EventStreamClient first = open(filter, Map.of());
		assertThat(createTask(this.pm, code, null).status()).isEqualTo(201);
		patch(code, 1);
		next(first);
		long lastSeen = next(first).eventId();
		first.close();

		patch(code, 2);
		patch(code, 3);
		patch(code, 4);
		List<Long> missed = ids(eventsOf("task", code), lastSeen);
		assertThat(missed).hasSize(3);

		EventStreamClient resumed = open(filter, Map.of("Last-Event-ID", Long.toString(lastSeen)));
		List<Long> replayed = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			replayed.add(next(resumed).eventId());
		}
		assertThat(replayed).isEqualTo(missed);
		patch(code, 5);
		EventStreamClient.Message live = next(resumed);
		assertThat(live.eventId()).isGreaterThan(missed.get(2));
		assertThat(live.json().get("payload").get("entity_snapshot").get("title").asText()).isEqualTo("Title 5");
		assertThat(resumed.next(Duration.ofMillis(300))).as("no duplicates").isNull();

		// after_id replays too; Last-Event-ID (sent by reconnecting clients) wins over
		// it.
		EventStreamClient fromStart = open(filter + "&after_id=0", Map.of());
		List<Long> all = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			all.add(next(fromStart).eventId());
		}
		assertThat(all).isEqualTo(ids(eventsOf("task", code), 0));
		EventStreamClient reconnected = open(filter + "&after_id=0", Map.of("Last-Event-ID", missed.get(2).toString()));
		assertThat(next(reconnected).eventId()).isEqualTo(live.eventId());
		assertThat(reconnected.next(Duration.ofMillis(300))).isNull();
	}

	@Test
	void aLowerIdCommittedLaterIsStreamedFirst() throws Exception {
		String code = unique("order");
		EventStreamClient stream = open("?entity_code=" + code, Map.of());
		OpenTransaction slow = appendAndHold(code, "slow", false);
		long fastId = this.transactions.execute((status) -> append(code, "fast"));
		assertThat(fastId).isGreaterThan(slow.id());

		// The higher id is committed, but held back while the lower one's transaction is
		// open, even past the grace period.
		assertThat(stream.next(this.streamProperties.grace().multipliedBy(3))).isNull();
		slow.end();
		assertThat(next(stream).eventId()).isEqualTo(slow.id());
		assertThat(next(stream).eventId()).isEqualTo(fastId);
	}

	@Test
	void aRolledBackIdHoldsTheStreamOnlyBriefly() throws Exception {
		String code = unique("rollback");
		EventStreamClient stream = open("?entity_code=" + code, Map.of());
		OpenTransaction failed = appendAndHold(code, "rolled back", true);
		long committed = this.transactions.execute((status) -> append(code, "committed"));
		failed.end();

		EventStreamClient.Message message = next(stream);
		assertThat(message.eventId()).isEqualTo(committed);
		assertThat(message.json().get("payload").get("step").asText()).isEqualTo("committed");
		assertThat(stream.next(Duration.ofMillis(300))).isNull();
	}

	@Test
	void eventsWrittenByAnotherInstanceAreStreamed() throws Exception {
		String code = unique("elsewhere");
		EventStreamClient stream = open("?entity_code=" + code, Map.of());
		try (Connection connection = this.dataSource
			.getConnection(); PreparedStatement insert = connection.prepareStatement("""
					INSERT INTO orchestration_events (event_type, entity_type, entity_id, entity_code, correlation_id,
					    payload, emitted_at)
					VALUES ('orchestration.task.updated', 'task', 0, ?, 'other-instance', CAST(? AS json_document), ?)
					""")) {
			insert.setString(1, code);
			insert.setString(2, "{\"actor\": \"elsewhere\"}");
			insert.setObject(3, OffsetDateTime.now());
			insert.executeUpdate();
		}
		EventStreamClient.Message message = next(stream);
		assertThat(message.json().get("correlation_id").asText()).isEqualTo("other-instance");
	}

	@Test
	void aStreamNeedsAToken() {
		EventStreamClient anonymous = attempt(null, "", Map.of());
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
		assertThat(attempt("not-a-token", "", Map.of()).status()).isEqualTo(401);
		assertThat(attempt(tokenWith("REVIEWER"), "", Map.of()).status()).isEqualTo(200);
	}

	@Test
	void badParametersAreRefused() {
		for (String query : List.of("?entity_type=galaxy", "?after_id=-1", "?after_id=first", "?entity_code=..%2Fx",
				"?session_key=a%00b", "?correlation_id=%0A")) {
			EventStreamClient refused = attempt(this.token, query, Map.of());
			assertThat(refused.status()).as(query).isEqualTo(400);
			assertThat(refused.header("Content-Type")).as(query).startsWith("application/problem+json");
		}
		EventStreamClient badHeader = attempt(this.token, "", Map.of("Last-Event-ID", "latest"));
		assertThat(badHeader.status()).isEqualTo(400);
		assertThat(badHeader.problem().get("errors").get(0).get("field").asText()).isEqualTo("Last-Event-ID");
	}

	@Test
	void streamsPerInstanceAreLimitedAndClosedOnesAreCleanedUp() throws Exception {
		await().atMost(WAIT).until(() -> this.streams.openStreams() == 0);
		List<EventStreamClient> full = new ArrayList<>();
		String holder = this.token;
		for (int i = 0; i < this.streamProperties.maxStreams(); i++) {
			if (i > 0 && i % this.streamProperties.maxStreamsPerToken() == 0) {
				holder = tokenWith("PM");
			}
			EventStreamClient stream = attempt(holder, "", Map.of());
			assertThat(stream.status()).isEqualTo(200);
			full.add(stream);
		}
		EventStreamClient refused = attempt(this.token, "", Map.of());
		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.header("Retry-After")).isNotBlank();
		assertThat(refused.problem().get("status").asInt()).isEqualTo(503);

		assertThat(full.get(0).nextComment(WAIT)).isEqualTo("stream open");
		assertThat(full.get(0).nextComment(this.streamProperties.heartbeat().multipliedBy(3))).isEqualTo("heartbeat");
		full.forEach(EventStreamClient::close);
		await().atMost(WAIT).until(() -> this.streams.openStreams() == 0);
		open("", Map.of());
	}

	// ---- helpers

	/** Opens a stream, which must be accepted. */
	private EventStreamClient open(String query, Map<String, String> headers) {
		EventStreamClient stream = attempt(this.token, query, headers);
		assertThat(stream.status()).as("stream " + query).isEqualTo(200);
		return stream;
	}

	private EventStreamClient attempt(String withToken, String query, Map<String, String> headers) {
		EventStreamClient stream = EventStreamClient
			.open("http://localhost:" + this.port + API + "/events/stream" + query, withToken, headers);
		this.opened.add(stream);
		return stream;
	}

	private static EventStreamClient.Message next(EventStreamClient stream) throws InterruptedException {
		EventStreamClient.Message message = stream.next(WAIT);
		assertThat(message).as("an event within " + WAIT).isNotNull();
		return message;
	}

	private void patch(String code, int n) {
		ApiClient.Response patched = this.pm.patch(API + "/tasks/" + code, "{\"title\": \"Title " + n + "\"}");
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
	}

	private long append(String code, String step) {
		return this.eventLog.append(NewEvent.about("orchestration.task.updated", EntityType.TASK, 0, code,
				JsonNodeFactory.instance.objectNode().put("step", step)))
			.id();
	}

	/**
	 * Appends an event in a transaction of its own that stays open until
	 * {@link OpenTransaction#end()}, then commits or rolls back.
	 */
	private OpenTransaction appendAndHold(String code, String step, boolean rollBack) throws InterruptedException {
		CountDownLatch inserted = new CountDownLatch(1);
		CountDownLatch end = new CountDownLatch(1);
		AtomicLong id = new AtomicLong();
		Future<?> done = this.threads.submit(() -> this.transactions.executeWithoutResult((status) -> {
			id.set(append(code, step));
			inserted.countDown();
			hold(end);
			if (rollBack) {
				status.setRollbackOnly();
			}
		}));
		assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
		return new OpenTransaction(id.get(), end, done);
	}

	private static List<Long> ids(JsonNode events, long after) {
		List<Long> ids = new ArrayList<>();
		events.forEach((event) -> {
			if (event.get("id").asLong() > after) {
				ids.add(event.get("id").asLong());
			}
		});
		return ids;
	}

	/** A transaction that holds an event, until it ends. */
	private record OpenTransaction(long id, CountDownLatch ending, Future<?> done) {

		void end() throws Exception {
			this.ending.countDown();
			this.done.get(10, TimeUnit.SECONDS);
		}

	}

	private static void hold(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
