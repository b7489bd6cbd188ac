package io.phaseflow.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two servers on one PostgreSQL schema, both running Flowable's async executor and the
 * archive: phase completions sent to both at once make one transition, a stale timer
 * fires once per phase, and archive runs started on both at once archive each event once.
 */
@ExtendWith(PostgresAvailable.class)
class TwoInstancesTest {

	static final String API = ApiTestSupport.API;

	static final String STALE_AFTER = "PT5S";

	static final String ARCHIVE = API + "/admin/events/archive";

	@TempDir
	Path work;

	String schema;

	@Test
	@Timeout(360)
	void twoInstancesShareOneDatabaseAndDoEachThingOnce() throws Exception {
		Instant started = Instant.now();
		this.schema = ServerProcess.freshSchema();
		Path home = home();
		try (ServerProcess a = ServerProcess.start(this.work, "a", args(home, "a"));
				ServerProcess b = ServerProcess.start(this.work, "b", args(home, "b"))) {
			Duration startUp = Duration.between(started, Instant.now());
			String adminToken = Files.readString(this.work.resolve("data-a").resolve("admin.token")).trim();
			ApiClient adminA = new ApiClient(a.url(), adminToken);
			ApiClient adminB = new ApiClient(b.url(), adminToken);
			assertThat(this.work.resolve("data-b").resolve("admin.token")).as("the database was not empty")
				.doesNotExist();
			String pmToken = ServerCrashTest.token(adminA, "PM");
			long agentId = new ApiClient(a.url(), pmToken)
				.post(API + "/agents", "{\"handle\": \"" + ApiTestSupport.unique("agent") + "\"}")
				.json()
				.get("id")
				.asLong();
			String agentToken = ServerCrashTest.token(adminB, "AGENT", agentId);
			List<ApiClient> agents = List.of(new ApiClient(a.url(), agentToken), new ApiClient(b.url(), agentToken));
			SessionDriver onA = new SessionDriver(new ApiClient(a.url(), pmToken), agents.get(0), agentId);
			SessionDriver onB = new SessionDriver(new ApiClient(b.url(), pmToken), agents.get(1), agentId);

			String idle = onA.start(onA.readyTask(), 201).get("session_key").asText();
			Instant idleSince = Instant.now();

			List<String> tasks = new ArrayList<>();
			List<String> raced = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				SessionDriver driver = (i % 2 == 0) ? onA : onB;
				String task = driver.readyTask();
				String key = driver.start(task, 201).get("session_key").asText();
				tasks.add(task);
				raced.add(key);
				for (String phase : List.of("intake", "research")) {
					driver.putArtifact(key, SessionLoad.ARTIFACTS.get(SessionLoad.PHASES.indexOf(phase)));
					List<ApiClient.Response> answers = Race.of(8, (caller) -> agents.get(caller % 2)
						.post(API + "/sessions/" + key + "/phase-complete", "{\"phase\": \"" + phase + "\"}"));
					assertThat(answers).as(answers.toString())
						.allMatch((answer) -> answer.status() == 200 || answer.status() == 409);
					assertThat(Race.count(answers, 200)).as(key + " " + phase).isEqualTo(1);
				}
			}
			for (String key : raced) {
				List<JsonNode> events = SessionLoad.events(adminB, key);
				for (String type : List.of("orchestration.phase.intake.start", "orchestration.phase.intake.end",
						"orchestration.phase.research.start", "orchestration.phase.research.end",
						"orchestration.phase.plan.start")) {
					assertThat(SessionLoad.count(events, type)).as(key + " " + type).isEqualTo(1);
				}
				assertThat(SessionLoad.count(events, "orchestration.phase.plan.end")).isZero();
				assertThat(adminA.get(API + "/sessions/" + key).json().get("current_phase").asText()).isEqualTo("plan");
				SessionLoad.assertConsistent(adminA, key);
			}

			awaitStale(adminA, idle, "intake");
			Duration firstStale = Duration.between(idleSince, Instant.now());
			onB.putArtifact(idle, "TASK.md");
			assertThat(onB.complete(idle, "{\"phase\": \"intake\"}").status()).isEqualTo(200);
			awaitStale(adminB, idle, "research");

			int aged = age(tasks, raced);
			assertThat(aged).isPositive();
			List<ApiClient.Response> runs = Race.of(4,
					(caller) -> ((caller % 2 == 0) ? adminA : adminB).post(ARCHIVE, null));
			assertThat(runs).as(runs.toString()).allMatch((run) -> run.status() == 200 || run.status() == 409);
			assertThat(runs.stream()
				.filter((run) -> run.status() == 200)
				.mapToLong((run) -> run.json().get("archived").asLong())
				.sum()).as("archived by all runs together").isEqualTo(aged);
			assertThat(query("SELECT COUNT(*) FROM %s.orchestration_events_archive")).isEqualTo(aged);
			assertThat(query("SELECT COUNT(*) - COUNT(DISTINCT id) FROM %s.orchestration_events_archive")).isZero();
			assertThat(query("SELECT COUNT(*) FROM %1$s.orchestration_events e JOIN %1$s.orchestration_events_archive a"
					+ " ON a.id = e.id"))
				.as("no event in both tables")
				.isZero();
			assertThat(
					query("SELECT COUNT(*) FROM %s.orchestration_events WHERE emitted_at < now() - interval '90 days'"))
				.as("nothing due is left")
				.isZero();

			// Both executors have polled for timers several times since the last one
			// fired.
			ServerProcess.sleep(12_000);
			List<JsonNode> idleEvents = SessionLoad.events(adminA, idle);
			assertThat(staleIn(idleEvents, "intake")).as("intake went stale once").isEqualTo(1);
			assertThat(staleIn(idleEvents, "research")).as("research went stale once").isEqualTo(1);
			assertThat(query("SELECT COUNT(*) FROM (SELECT session_key FROM %s.orchestration_events "
					+ "WHERE event_type = 'orchestration.session.stale' "
					+ "GROUP BY session_key, CAST(CAST(payload AS text) AS json) ->> 'phase' HAVING COUNT(*) > 1) twice"))
				.as("no session went stale twice in one phase")
				.isZero();
			SessionLoad.assertConsistent(adminB, idle);
			SessionLoad.finish(agents.get(0), idle);
			System.out.printf(
					"two instances: both healthy after %s, first stale event %s after the start, %d events "
							+ "archived, %s in all%n",
					startUp, firstStale, aged, Duration.between(started, Instant.now()));
		}
		finally {
			ServerProcess.dropSchema(this.schema);
		}
	}

	private static long staleIn(List<JsonNode> events, String phase) {
		return events.stream()
			.filter((e) -> e.get("event_type").asText().equals("orchestration.session.stale"))
			.filter((e) -> e.at("/payload/phase").asText().equals(phase))
			.count();
	}

	private static void awaitStale(ApiClient admin, String key, String phase) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		while (staleIn(SessionLoad.events(admin, key), phase) == 0) {
			assertThat(Instant.now()).as(key + " never went stale in " + phase).isBefore(deadline);
			ServerProcess.sleep(500);
		}
	}

	/** Makes the tasks' and sessions' events 100 days old; returns how many. */
	private int age(List<String> tasks, List<String> sessions) throws SQLException {
		String taskList = "'" + String.join("', '", tasks) + "'";
		String sessionList = "'" + String.join("', '", sessions) + "'";
		try (Connection connection = PostgresAvailable.connect(); Statement statement = connection.createStatement()) {
			return statement.executeUpdate("UPDATE " + this.schema + ".orchestration_events SET emitted_at = now() - "
					+ "interval '100 days' WHERE (entity_type = 'task' AND entity_code IN (" + taskList
					+ ")) OR session_key IN (" + sessionList + ")");
		}
	}

	private long query(String sql) throws SQLException {
		try (Connection connection = PostgresAvailable.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(String.format(sql, this.schema))) {
			result.next();
			return result.getLong(1);
		}
	}

	private List<String> args(Path home, String name) {
		Path data = this.work.resolve("data-" + name);
		List<String> args = new ArrayList<>(List.of("--phaseflow.home=" + home, "--phaseflow.data-dir=" + data,
				"--phaseflow.files.root=" + data.resolve("delegation"),
				"--phaseflow.files.adr-dir=" + data.resolve("adr"), "--logging.level.root=warn"));
		args.addAll(ServerProcess.postgres(this.schema));
		return args;
	}

	/**
	 * A copy of the editable folders whose workflow.yaml reports a phase stale after
	 * {@link #STALE_AFTER}.
	 */
	private Path home() throws Exception {
		Path home = Files.createDirectories(this.work.resolve("home"));
		Path project = Path.of("").toAbsolutePath();
		for (String folder : List.of("processes", "forms", "templates", "workflow")) {
			try (Stream<Path> files = Files.walk(project.resolve(folder))) {
				for (Path file : files.toList()) {
					Path target = home.resolve(project.relativize(file).toString());
					if (Files.isDirectory(file)) {
						Files.createDirectories(target);
					}
					else {
						Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
					}
				}
			}
		}
		Path workflow = home.resolve("workflow").resolve("workflow.yaml");
		String yaml = Files.readString(workflow);
		assertThat(yaml).contains("stale_after: PT4H");
		Files.writeString(workflow, yaml.replace("stale_after: PT4H", "stale_after: " + STALE_AFTER));
		return home;
	}

}
