package io.phaseflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The benchmark: starts the packaged server on each database, drives it over HTTP with
 * concurrent simulated agents, measures the same process on bare Flowable (and, on
 * PostgreSQL, pgbench TPC-B) in the same run, and writes {@code results.json} and
 * {@code results.md} to {@code target/bench}. Nothing here asserts a time: the figures
 * are for {@code docs/BENCHMARKS.md}.
 *
 * <p>
 * Settings (system properties): {@code bench.mode} {@code full} (default) or
 * {@code smoke} (small and short, so that the harness cannot rot),
 * {@code bench.databases} ({@code h2,postgres}), {@code bench.clients} (simulated agents,
 * default 4), {@code bench.seconds} (how long the throughput scenarios run),
 * {@code bench.jar} (the server jar, default the newest {@code target/phaseflow-*.jar}),
 * {@code bench.out}.
 */
public final class Bench {

	static final String API = Api.API;

	static final List<String> PHASES = List.of("intake", "research", "plan", "execute", "review", "close");

	static final List<String> ARTIFACTS = List.of("TASK.md", "CONTEXT.md", "PLAN.md", "CHANGES.md", "REVIEW.md",
			"SUMMARY.md");

	static final String HEAP = "512m";

	private final Settings settings;

	private final Path out;

	private final Map<String, Object> results = new LinkedHashMap<>();

	private final List<Map<String, Object>> targets = new ArrayList<>();

	private Bench(Settings settings) {
		this.settings = settings;
		this.out = settings.out();
	}

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.fromSystemProperties();
		new Bench(settings).run();
	}

	/** What a run measures, and how much of it. */
	record Settings(boolean smoke, List<String> databases, int clients, int seconds, Path jar, Path out,
			List<Integer> eventSteps, List<Integer> taskSteps, int restarts, int cliRuns, int samples,
			List<String> serverJvmArgs) {

		/**
		 * How long the lifecycle scenario and its bare-Flowable baseline warm up first.
		 */
		Duration warmUp() {
			return Duration.ofSeconds(this.smoke ? 2 : 15);
		}

		static Settings fromSystemProperties() throws IOException {
			boolean smoke = System.getProperty("bench.mode", "full").equals("smoke");
			List<String> databases = List.of(System.getProperty("bench.databases", "h2,postgres").split(","));
			int clients = Integer.getInteger("bench.clients", 4);
			int seconds = Integer.getInteger("bench.seconds", 0);
			seconds = (seconds > 0) ? seconds : (smoke ? 5 : 60);
			Path jar = Path.of(System.getProperty("bench.jar", newestJar().toString())).toAbsolutePath();
			Path out = Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath();
			return new Settings(smoke, databases, clients, seconds, jar, out,
					smoke ? List.of(1_000) : List.of(10_000, 100_000, 1_000_000),
					smoke ? List.of(100) : List.of(100, 1_000, 10_000), smoke ? 1 : 3, smoke ? 2 : 5, smoke ? 20 : 200,
					List.of(System.getProperty("bench.server-jvm-args", "").split(" "))
						.stream()
						.filter((arg) -> !arg.isBlank())
						.toList());
		}

		private static Path newestJar() throws IOException {
			try (Stream<Path> files = Files.list(Path.of("target"))) {
				return files.filter((f) -> f.getFileName().toString().matches("phaseflow-.*\\.jar"))
					.max(Comparator.comparing((Path f) -> f.toFile().lastModified()))
					.orElseThrow(() -> new IllegalStateException("No target/phaseflow-*.jar: run ./mvnw package"));
			}
		}

	}

	private void run() throws Exception {
		Files.createDirectories(this.out);
		Instant started = Instant.now();
		this.results.put("mode", this.settings.smoke() ? "smoke" : "full");
		this.results.put("started_at", started.toString());
		this.results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "java",
				System.getProperty("java.version"), "os", System.getProperty("os.name")));
		this.results.put("clients", this.settings.clients());
		this.results.put("server_heap", HEAP);
		Map<String, Object> byDatabase = new LinkedHashMap<>();
		this.results.put("databases", byDatabase);
		for (String name : this.settings.databases()) {
			Path work = this.out.resolve(name);
			deleteRecursively(work);
			Files.createDirectories(work);
			BenchDatabase database = BenchDatabase.of(name, work.resolve("data"));
			try {
				byDatabase.put(name, new DatabaseRun(database, work).run());
			}
			finally {
				database.drop();
			}
			write();
		}
		this.results.put("seconds", Duration.between(started, Instant.now()).toSeconds());
		this.results.put("targets", this.targets);
		write();
		progress("done in %d s: %s and %s", Duration.between(started, Instant.now()).toSeconds(),
				this.out.resolve("results.json"), this.out.resolve("results.md"));
		long errors = Api.JSON.valueToTree(this.results)
			.findValues("errors")
			.stream()
			.mapToLong(JsonNode::asLong)
			.sum();
		if (errors > 0) {
			// figures of a run whose calls failed are not figures
			throw new IllegalStateException(errors + " calls failed during the run; see results.json");
		}
	}

	private void write() throws IOException {
		Api.JSON.writerWithDefaultPrettyPrinter().writeValue(this.out.resolve("results.json").toFile(), this.results);
		Files.writeString(this.out.resolve("results.md"), Report.markdown(this.results, this.targets));
	}

	void target(String database, String name, double value, String unit, String comparison, double limit) {
		boolean met = comparison.equals("<=") ? value <= limit : value >= limit;
		Map<String, Object> target = new LinkedHashMap<>();
		target.put("database", database);
		target.put("target", name);
		target.put("value", round(value));
		target.put("unit", unit);
		target.put("wanted", comparison + " " + round(limit));
		target.put("met", met);
		this.targets.add(target);
		progress("target %s on %s: %s %s (wanted %s %s) %s", name, database, round(value), unit, comparison,
				round(limit), met ? "met" : "MISSED");
	}

	static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

	static void progress(String format, Object... args) {
		System.out.printf("[bench %tT] %s%n", Instant.now().toEpochMilli(), String.format(format, args));
		System.out.flush();
	}

	static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> files = Files.walk(path)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

	/** Everything measured on one database. */
	private final class DatabaseRun {

		private final BenchDatabase database;

		private final Path work;

		private final Map<String, Object> result = new LinkedHashMap<>();

		private BenchServer server;

		private String adminToken;

		private Api pm;

		private String pmToken;

		private String agentToken;

		private Api agent;

		private long agentId;

		private int serverStarts;

		private final List<Map<String, Object>> initSteps = new ArrayList<>();

		DatabaseRun(BenchDatabase database, Path work) {
			this.database = database;
			this.work = work;
		}

		Map<String, Object> run() throws Exception {
			String db = this.database.name();
			Settings s = Bench.this.settings;
			try {
				coldStart();
				people();
				warmUp();
				// the smallest log first, before the other scenarios add their events
				List<Integer> eventSteps = s.eventSteps();
				initByEvents(eventSteps.subList(0, 1));
				lifecycle();
				activity();
				statusReport();
				initByEvents(eventSteps.subList(1, eventSteps.size()));
				initTargets();
				cli();
			}
			finally {
				if (this.server != null) {
					this.server.close();
				}
			}
			Map<String, Object> lifecycle = section("lifecycle");
			double perSecond = (double) lifecycle.get("lifecycles_per_second");
			double transitions = (double) lifecycle.get("transitions_per_second");
			progress("%s: bare Flowable baseline, %d clients, %d s", db, s.clients(), s.seconds());
			BenchDatabase bare = BenchDatabase.of(db, this.work.resolve("bare-flowable"));
			try {
				long rowsBefore = bare.rowsWritten();
				BareFlowable.Result baseline = bare.runBareFlowable(s.clients(), s.warmUp(),
						Duration.ofSeconds(s.seconds()));
				long rowsAfter = bare.rowsWritten();
				Map<String, Object> base = new LinkedHashMap<>();
				base.put("clients", baseline.clients());
				base.put("lifecycles", baseline.lifecycles());
				base.put("seconds", round(baseline.seconds()));
				base.put("lifecycles_per_second", round(baseline.lifecyclesPerSecond()));
				base.put("transitions_per_second", round(baseline.transitionsPerSecond()));
				base.put("lifecycle_ms", Latencies.Summary.of(millisToNanos(baseline.lifecycleMillis())));
				base.put("cpu_ms_per_lifecycle", round(baseline.cpuSeconds() * 1000 / baseline.lifecycles()));
				if (rowsBefore >= 0) {
					// the warm-up's lifecycles wrote too
					long all = baseline.lifecycles() + baseline.warmUpLifecycles();
					base.put("rows_written_per_lifecycle", round((rowsAfter - rowsBefore) / (double) all));
				}
				this.result.put("bare_flowable", base);
				double ratio = perSecond / baseline.lifecyclesPerSecond();
				this.result.put("lifecycle_ratio_to_bare_flowable", round(ratio));
				if (db.equals("h2")) {
					target(db, "lifecycle throughput / bare Flowable", ratio, "x", ">=", 0.5);
				}
			}
			finally {
				bare.drop();
			}
			if (db.equals("postgres")) {
				progress("postgres: pgbench TPC-B, %d clients", s.clients());
				PgBench.Result pgbench = PgBench.run(s.clients(), Duration.ofSeconds(s.smoke() ? 5 : 30),
						(line) -> progress("pgbench: %s", line));
				this.result.put("pgbench", Map.of("clients", pgbench.clients(), "tps", round(pgbench.tps()), "command",
						pgbench.command()));
				double ratio = transitions / pgbench.tps();
				this.result.put("transitions_ratio_to_pgbench", round(ratio));
				target(db, "phase transitions/s / pgbench TPC-B tps", ratio, "x", ">=", 0.25);
			}
			return this.result;
		}

		@SuppressWarnings("unchecked")
		private Map<String, Object> section(String name) {
			return (Map<String, Object>) this.result.get(name);
		}

		private static long[] millisToNanos(long[] millis) {
			long[] nanos = new long[millis.length];
			for (int i = 0; i < millis.length; i++) {
				nanos[i] = millis[i] * 1_000_000;
			}
			return nanos;
		}

		private void start() throws IOException {
			this.serverStarts++;
			List<String> jvmArgs = Bench.this.settings.serverJvmArgs()
				.stream()
				.map((arg) -> arg.replace("{name}", "server-" + this.serverStarts))
				.toList();
			this.server = BenchServer.start(Bench.this.settings.jar(), this.work, "server-" + this.serverStarts, HEAP,
					jvmArgs, this.database.serverArgs());
			if (this.pmToken != null) {
				// a new start has a new port
				this.pm = new Api(this.server.url(), this.pmToken, null);
				this.agent = new Api(this.server.url(), this.agentToken, null);
			}
		}

		private void stop() {
			this.server.close();
			this.server = null;
		}

		/** First start on an empty database (migrations, deployment), then restarts. */
		private void coldStart() throws IOException {
			String db = this.database.name();
			progress("%s: first start on an empty database", db);
			start();
			double first = this.server.startUp().toMillis() / 1000.0;
			List<Double> restarts = new ArrayList<>();
			for (int i = 0; i < Bench.this.settings.restarts(); i++) {
				stop();
				start();
				restarts.add(this.server.startUp().toMillis() / 1000.0);
			}
			double median = median(restarts);
			this.result.put("cold_start_seconds",
					Map.of("empty_database", round(first), "restarts", restarts, "restart_median", round(median)));
			progress("%s: started in %.2f s on an empty database, restarts %s s", db, first, restarts);
			target(db, "cold start (empty database)", first, "s", "<=", 8);
		}

		private void people() throws IOException {
			this.adminToken = Files.readString(this.database.dataDir.resolve("admin.token")).trim();
			Api admin = new Api(this.server.url(), this.adminToken, null);
			this.pmToken = token(admin, "PM");
			this.pm = admin.as(this.pmToken);
			this.agentToken = token(admin, "AGENT");
			this.agent = admin.as(this.agentToken);
			this.agentId = this.pm.post("agent", API + "/agents", "{\"handle\": \"bench-agent\"}").get("id").asLong();
		}

		private String token(Api admin, String role) {
			return admin
				.post("token", API + "/admin/tokens",
						"{\"name\": \"bench-" + role.toLowerCase() + "\", \"roles\": [\"" + role + "\"]}")
				.get("token")
				.asText();
		}

		/**
		 * Whole sessions for a while, not counted, so that what is measured next runs on
		 * a warm server (and the bare-Flowable baseline warms up as long).
		 */
		private void warmUp() throws Exception {
			Settings s = Bench.this.settings;
			progress("%s: warming up: session lifecycles for %d s", this.database.name(), s.warmUp().toSeconds());
			Load.run(s.clients(), s.warmUp(), (client, round) -> lifecycleOnce(this.pm.recordingTo(null),
					this.agent.recordingTo(null), "warm-" + client + "-" + round, null));
		}

		/** Whole sessions, back to back, by every client; heap sampled while they run. */
		private void lifecycle() throws Exception {
			Settings s = Bench.this.settings;
			String db = this.database.name();
			progress("%s: session lifecycles, %d clients, %d s (server -Xmx%s)", db, s.clients(), s.seconds(), HEAP);
			Latencies latencies = new Latencies();
			AtomicLong lifecycles = new AtomicLong();
			AtomicBoolean stop = new AtomicBoolean();
			List<Long> heap = new ArrayList<>();
			List<Long> resident = new ArrayList<>();
			Thread sampler = new Thread(() -> {
				while (!stop.get()) {
					heap.add(this.server.heapUsedMib());
					resident.add(this.server.residentMib());
					BenchServer.sleep(2_000);
				}
			});
			long rowsBefore = this.database.rowsWritten();
			double cpuBefore = this.server.cpuSeconds();
			sampler.start();
			Load.Result load = Load.run(s.clients(), Duration.ofSeconds(s.seconds()), (client, round) -> {
				lifecycleOnce(this.pm.recordingTo(latencies), this.agent.recordingTo(latencies),
						"life-" + client + "-" + round, latencies);
				long done = lifecycles.incrementAndGet();
				if (done % 50 == 0) {
					progress("%s: %d lifecycles", db, done);
				}
			});
			double cpuUsed = this.server.cpuSeconds() - cpuBefore;
			stop.set(true);
			sampler.join();
			long rowsAfter = this.database.rowsWritten();
			Map<String, Object> section = new LinkedHashMap<>();
			section.put("clients", s.clients());
			section.put("lifecycles", load.rounds());
			section.put("seconds", round(load.seconds()));
			section.put("lifecycles_per_second", round(load.rounds() / load.seconds()));
			section.put("transitions_per_second", round(load.rounds() * 6 / load.seconds()));
			section.put("errors", load.errors());
			section.put("first_errors", load.firstErrors());
			section.put("server_cpu_ms_per_lifecycle", round(cpuUsed * 1000 / load.rounds()));
			if (rowsBefore >= 0) {
				section.put("rows_written_per_lifecycle", round((rowsAfter - rowsBefore) / (double) load.rounds()));
			}
			section.put("calls", latencies.summary());
			section.put("heap_used_mib_max", heap.stream().mapToLong(Long::longValue).max().orElse(-1));
			section.put("resident_mib_max", resident.stream().mapToLong(Long::longValue).max().orElse(-1));
			section.put("server_log_errors", this.server.errorsInLog());
			this.result.put("lifecycle", section);
			progress("%s: %d lifecycles in %.1f s (%.2f/s), %d errors, heap max %s MiB", db, load.rounds(),
					load.seconds(), load.rounds() / load.seconds(), load.errors(), section.get("heap_used_mib_max"));
		}

		/** One task from creation to its session's end: six phases, six artifacts. */
		private void lifecycleOnce(Api pm, Api agent, String code, Latencies latencies) {
			long started = System.nanoTime();
			String key = runningSession(pm, agent, code);
			for (int i = 0; i < PHASES.size(); i++) {
				String phase = PHASES.get(i);
				String artifact = ARTIFACTS.get(i);
				agent.post("artifact put", API + "/sessions/" + key + "/artifacts", "{\"name\": \"" + artifact
						+ "\", \"content\": " + Api.quote("# " + artifact + "\n\nWork of " + code + ".\n") + "}");
				if (phase.equals("close")) {
					agent.post("session end", API + "/sessions/" + key + "/end", "{}");
				}
				else {
					agent.post("phase complete", API + "/sessions/" + key + "/phase-complete",
							phase.equals("review") ? "{\"phase\": \"review\", \"qa_status\": \"qa_passed\"}"
									: "{\"phase\": \"" + phase + "\"}");
				}
			}
			if (latencies != null) {
				latencies.record("whole lifecycle", System.nanoTime() - started);
			}
		}

		/** A running session per client, each reporting activity as fast as it can. */
		private void activity() throws Exception {
			Settings s = Bench.this.settings;
			String db = this.database.name();
			List<String> keys = new ArrayList<>();
			for (int i = 0; i < s.clients(); i++) {
				keys.add(runningSession("activity-" + i));
			}
			Latencies latencies = new Latencies();
			Api agent = this.agent.recordingTo(latencies);
			progress("%s: activity ingest, %d clients", db, s.clients());
			Load.Result load = Load.run(s.clients(), Duration.ofSeconds(s.smoke() ? 3 : 20),
					(client, round) -> agent.post("activity", API + "/sessions/" + keys.get(client) + "/activity",
							"{\"activity_type\": \"tool_call\", \"details\": {\"tool\": \"grep\", \"round\": " + round
									+ "}, \"description\": \"Searched the code\"}"));
			Map<String, Object> section = new LinkedHashMap<>();
			section.put("clients", s.clients());
			section.put("reports", load.rounds());
			section.put("reports_per_second", round(load.rounds() / load.seconds()));
			section.put("errors", load.errors());
			section.put("calls", latencies.summary());
			this.result.put("activity_ingest", section);
			progress("%s: %.0f activity reports/s", db, load.rounds() / load.seconds());
		}

		private String runningSession(String code) {
			return runningSession(this.pm, this.agent, code);
		}

		/** A new task ready for intake, and its session started by agent init. */
		private String runningSession(Api pm, Api agent, String code) {
			pm.post("task create", API + "/tasks", "{\"task_code\": \"" + code + "\", \"title\": \"Task " + code
					+ "\", \"description\": \"Build it\", \"metadata\": {\"acceptance_criteria\": [\"it works\"]}}");
			return agent
				.post("agent init (new session)", API + "/agent/init",
						"{\"entity_type\": \"task\", \"entity_code\": \"" + code + "\", \"agent_id\": " + this.agentId
								+ "}")
				.get("session")
				.get("key")
				.asText();
		}

		/** The status report of one sprint as it grows to each step's number of tasks. */
		private void statusReport() throws Exception {
			Settings s = Bench.this.settings;
			String db = this.database.name();
			this.pm.post("sprint create", API + "/sprints",
					"{\"sprint_code\": \"bench-report\", \"title\": \"Status report benchmark\"}");
			List<Map<String, Object>> steps = new ArrayList<>();
			int have = 0;
			for (int step : s.taskSteps()) {
				int from = have;
				progress("%s: sprint with %d tasks", db, step);
				Load.Result created = Load.run(s.clients(), step - from, (client, round) -> {
					String code = "report-" + round;
					this.pm.post("task create", API + "/tasks",
							"{\"task_code\": \"" + code + "\", \"title\": \"Task " + code
									+ "\", \"description\": \"Build it\", \"sprint_code\": \"bench-report\", "
									+ "\"priority\": \"P" + (round % 4) + "\"}");
				}, from);
				have = step;
				Latencies latencies = new Latencies();
				Api pm = this.pm.recordingTo(latencies);
				for (int i = 0; i < 5; i++) {
					pm.recordingTo(null).get("warm-up", API + "/pm-tools/status-report?sprint_code=bench-report");
				}
				for (int i = 0; i < s.samples(); i++) {
					pm.get("status report", API + "/pm-tools/status-report?sprint_code=bench-report");
				}
				Latencies.Summary summary = latencies.summary().get("status report");
				steps.add(Map.of("tasks", step, "status_report_ms", summary, "tasks_created_per_second",
						round(created.rounds() / created.seconds())));
				progress("%s: status report at %d tasks: p50 %.1f ms, p99 %.1f ms", db, step, summary.p50Ms(),
						summary.p99Ms());
				if (step == 10_000) {
					target(db, "status report p99 at 10k tasks", summary.p99Ms(), "ms", "<=", 50);
				}
			}
			this.result.put("status_report", steps);
		}

		/**
		 * Agent init continuing one running session, as the event log grows to each
		 * step's size. Events are added to the database while the server runs (H2 in
		 * {@code AUTO_SERVER} mode), so the server stays warm.
		 */
		private void initByEvents(List<Integer> eventSteps) throws Exception {
			Settings s = Bench.this.settings;
			String db = this.database.name();
			String code = "init-target";
			String body = "{\"entity_type\": \"task\", \"entity_code\": \"" + code + "\", \"agent_id\": " + this.agentId
					+ "}";
			if (this.initSteps.isEmpty()) {
				runningSession(code);
			}
			for (int step : eventSteps) {
				long have = this.database.countEvents();
				if (have < step) {
					progress("%s: adding %d events (to %d)", db, step - have, step);
					this.database.seedEvents(step - have);
				}
				long events = this.database.countEvents();
				Latencies latencies = new Latencies();
				Api agent = this.agent.recordingTo(latencies);
				for (int i = 0; i < s.samples(); i++) {
					agent.recordingTo(null).post("warm-up", API + "/agent/init", body);
				}
				for (int i = 0; i < s.samples(); i++) {
					agent.post("agent init", API + "/agent/init", body);
				}
				Latencies.Summary summary = latencies.summary().get("agent init");
				this.initSteps.add(Map.of("events", events, "agent_init_ms", summary));
				progress("%s: agent init with %d events: p50 %.1f ms, p99 %.1f ms", db, events, summary.p50Ms(),
						summary.p99Ms());
			}
			this.result.put("agent_init_by_events", this.initSteps);
		}

		private void initTargets() {
			String db = this.database.name();
			List<Map<String, Object>> steps = this.initSteps;
			Latencies.Summary first = (Latencies.Summary) steps.get(0).get("agent_init_ms");
			Latencies.Summary last = (Latencies.Summary) steps.get(steps.size() - 1).get("agent_init_ms");
			target(db, "agent init p99 at " + steps.get(steps.size() - 1).get("events") + " events", last.p99Ms(), "ms",
					"<=", 20);
			if (steps.size() > 1) {
				target(db, "agent init p99 growth, smallest to largest log", last.p99Ms() / first.p99Ms(), "x", "<=",
						1.5);
			}
		}

		/**
		 * A client command (no Spring context) against the running server: through the
		 * {@code bin/phaseflow} launcher, as people and agents run it (its first run
		 * unpacks the jar into a cache and is not counted), and as {@code java -jar}.
		 */
		private void cli() throws Exception {
			Settings s = Bench.this.settings;
			String db = this.database.name();
			List<String> args = List.of("report", "bench-report", "--json");
			List<String> launcher = new ArrayList<>(List.of(Path.of("bin", "phaseflow").toAbsolutePath().toString()));
			launcher.addAll(args);
			List<String> javaJar = new ArrayList<>(List.of(BenchServer.javaBinary(), "-jar", s.jar().toString()));
			javaJar.addAll(args);
			timeCommand(launcher);
			List<Double> viaLauncher = new ArrayList<>();
			List<Double> viaJavaJar = new ArrayList<>();
			for (int i = 0; i < s.cliRuns(); i++) {
				viaLauncher.add(timeCommand(launcher));
				viaJavaJar.add(timeCommand(javaJar));
			}
			double median = median(viaLauncher);
			this.result.put("cli_seconds",
					Map.of("command", "bin/phaseflow report bench-report --json", "runs", viaLauncher, "median",
							round(median), "java_jar_runs", viaJavaJar, "java_jar_median", round(median(viaJavaJar))));
			progress("%s: CLI client command: bin/phaseflow %s s, java -jar %s s", db, viaLauncher, viaJavaJar);
			target(db, "CLI client command, bin/phaseflow (median)", median, "s", "<=", 1);
		}

		private static double median(List<Double> values) {
			return values.stream().sorted().toList().get(values.size() / 2);
		}

		/**
		 * Runs a command with the server's URL and a PM token; its wall time in seconds.
		 */
		private double timeCommand(List<String> command) throws Exception {
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(this.work.resolve("cli.log").toFile());
			builder.environment().put("PHASEFLOW_URL", this.server.url());
			builder.environment().put("PHASEFLOW_TOKEN", this.pmToken);
			builder.environment().put("PHASEFLOW_SESSION", this.work.resolve("cli-session.json").toString());
			builder.environment().put("PHASEFLOW_JAR", Bench.this.settings.jar().toString());
			builder.environment().put("PHASEFLOW_CACHE", this.work.resolve("cli-cache").toString());
			long started = System.nanoTime();
			int exit = waitFor(builder.start());
			double seconds = (System.nanoTime() - started) / 1e9;
			if (exit != 0) {
				throw new IllegalStateException(
						command + " exited " + exit + ": " + Files.readString(this.work.resolve("cli.log")));
			}
			return round(seconds);
		}

		private int waitFor(Process process) throws InterruptedException {
			if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("phaseflow report did not end within a minute");
			}
			return process.exitValue();
		}

	}

}
