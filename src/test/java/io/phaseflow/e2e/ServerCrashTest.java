package io.phaseflow.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server is killed (SIGKILL) while several clients drive sessions, and started again
 * on the same database: every acknowledged write is there, no session is caught between
 * two phases, acknowledged requests retried with their {@code Idempotency-Key} are
 * replayed, and every session can be carried on to its end. On H2 (a file in a temporary
 * directory) and on PostgreSQL (a fresh schema).
 */
class ServerCrashTest {

	static final String API = ApiTestSupport.API;

	static final int CLIENTS = 4;

	@TempDir
	Path work;

	@Test
	@Timeout(300)
	void anH2ServerKilledMidRunLosesNoAcknowledgedWrite() throws Exception {
		crashAndRecover(List.of());
	}

	@Test
	@Timeout(300)
	@ExtendWith(PostgresAvailable.class)
	void aPostgresServerKilledMidRunLosesNoAcknowledgedWrite() throws Exception {
		String schema = ServerProcess.freshSchema();
		try {
			crashAndRecover(ServerProcess.postgres(schema));
		}
		finally {
			ServerProcess.dropSchema(schema);
		}
	}

	private void crashAndRecover(List<String> database) throws Exception {
		Path data = Files.createDirectories(this.work.resolve("data"));
		List<String> args = new ArrayList<>(
				List.of("--phaseflow.data-dir=" + data, "--phaseflow.files.root=" + data.resolve("delegation"),
						"--phaseflow.files.adr-dir=" + data.resolve("adr"), "--logging.level.root=warn"));
		args.addAll(database);
		SessionLoad load;
		Instant started = Instant.now();
		try (ServerProcess first = ServerProcess.start(this.work, "first", args)) {
			ApiClient admin = new ApiClient(first.url(), Files.readString(data.resolve("admin.token")).trim());
			String pm = token(admin, "PM");
			long agentId = new ApiClient(first.url(), pm)
				.post(API + "/agents", "{\"handle\": \"" + ApiTestSupport.unique("agent") + "\"}")
				.json()
				.get("id")
				.asLong();
			String agent = token(admin, "AGENT", agentId);
			load = new SessionLoad(pm, agent, agentId);
			List<Thread> threads = new ArrayList<>();
			for (int i = 0; i < CLIENTS; i++) {
				threads.add(load.thread(first.url(), "client-" + i));
			}
			threads.forEach(Thread::start);
			Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
			while (load.acks.size() < 80 && Instant.now().isBefore(deadline) && load.unexpected.isEmpty()) {
				ServerProcess.sleep(50);
			}
			first.kill();
			load.stop.set(true);
			for (Thread thread : threads) {
				thread.join(30_000);
			}
			assertThat(load.unexpected).as("answers before the crash").isEmpty();
			assertThat(load.acks.size()).as("writes acknowledged before the crash").isGreaterThanOrEqualTo(20);
		}
		Duration beforeCrash = Duration.between(started, Instant.now());

		try (ServerProcess second = ServerProcess.start(this.work, "second", args)) {
			ApiClient admin = new ApiClient(second.url(), Files.readString(data.resolve("admin.token")).trim());
			List<SessionLoad.Ack> acks = List.copyOf(load.acks);
			for (SessionLoad.Ack ack : acks) {
				assertAcknowledgedWriteKept(admin, ack);
			}

			Set<String> sessions = new LinkedHashSet<>();
			for (String task : List.copyOf(load.tasks)) {
				ApiClient.Response listed = admin.get(API + "/sessions?task_code=" + task);
				assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
				listed.json().get("data").forEach((s) -> sessions.add(s.get("session_key").asText()));
			}
			assertThat(sessions).isNotEmpty();
			for (String key : sessions) {
				SessionLoad.assertConsistent(admin, key);
			}

			for (SessionLoad.Ack ack : acks) {
				ApiClient.Response again = new ApiClient(second.url(), ack.token())
					.withHeader(IdempotencyTests.KEY, ack.key())
					.post(ack.path(), ack.body());
				assertThat(again.status()).as(ack.kind() + " " + ack.path() + " retried: " + again)
					.isEqualTo(ack.answer().status());
				assertThat(again.body()).as(ack.kind() + " " + ack.path()).isEqualTo(ack.answer().body());
				assertThat(again.header("Idempotent-Replayed")).as(ack.kind() + " " + ack.path()).isEqualTo("true");
			}

			ApiClient agent = admin.as(load.agentToken);
			for (String key : sessions) {
				SessionLoad.finish(agent, key);
				SessionLoad.assertConsistent(admin, key);
			}
			System.out.printf("crash test: %d writes acknowledged in %s before SIGKILL, %d sessions recovered, %s%n",
					acks.size(), beforeCrash, sessions.size(), Duration.between(started, Instant.now()));
		}
	}

	private static void assertAcknowledgedWriteKept(ApiClient admin, SessionLoad.Ack ack) {
		switch (ack.kind()) {
			case "task" -> assertThat(admin.get(API + "/tasks/" + ack.task()).status()).as(ack.task()).isEqualTo(200);
			case "session" ->
				assertThat(admin.get(API + "/sessions/" + ack.answer().json().get("session_key").asText()).status())
					.as(ack.answer().toString())
					.isEqualTo(200);
			case "artifact" -> {
				ApiClient.Response artifact = admin
					.get(API + "/sessions/" + ack.session() + "/artifacts/" + ack.phase());
				assertThat(artifact.status()).as(artifact.toString()).isEqualTo(200);
				assertThat(artifact.json().get("content_hash").asText()).as(ack.session() + " " + ack.phase())
					.isEqualTo(ack.answer().json().get("content_hash").asText());
			}
			case "phase" -> {
				JsonNode session = admin.get(API + "/sessions/" + ack.session()).json();
				boolean ended = !session.get("status").asText().equals("running");
				assertThat(ended || SessionLoad.PHASES
					.indexOf(session.get("current_phase").asText()) > SessionLoad.PHASES.indexOf(ack.phase()))
					.as(ack.session() + " completed " + ack.phase() + ": " + session)
					.isTrue();
			}
			case "end" -> assertThat(admin.get(API + "/sessions/" + ack.session()).json().get("status").asText())
				.as(ack.session())
				.isEqualTo("completed");
			default -> throw new IllegalStateException(ack.kind());
		}
	}

	static String token(ApiClient admin, String role) {
		return token(admin, role, null);
	}

	/** A new token of one role, issued for the given agent (or none). */
	static String token(ApiClient admin, String role, Long agentId) {
		ApiClient.Response issued = admin.post(API + "/admin/tokens",
				"{\"name\": \"" + ApiTestSupport.unique(role.toLowerCase()) + "\", \"roles\": [\"" + role + "\"]"
						+ ((agentId != null) ? ", \"agent_id\": " + agentId : "") + "}");
		assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
		return issued.json().get("token").asText();
	}

}
