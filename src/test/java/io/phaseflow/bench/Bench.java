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
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The benchmark: starts the packaged server on each database, drives it over HTTP with
 * concurrent simulated agents, measures the same process on bare Flowable (and, on
 * PostgreSQL, pgbench TPC-B) in the same run, and writes {@code results.json} and
 * {@code results.md} to {@code target/bench}. Nothing here asserts a time: the figures
 * are for {@code docs/BENCHMARKS.md}.
 *
 * <p>
 * Settings (system properties): {@code bench.mode} {@code full} (default), {@code smoke}
 * (small and short, so that the harness cannot rot), {@code lifecycle} (only the session
 * lifecycle and its baselines, warmed up as in a full run: for profiling and for trying
 * out a change), {@code init} (only agent init at each log size, after the server's
 * warm-up) or {@code agent} (only {@link AgentSession}: what a coding agent's session
 * costs over MCP and the CLI, on a server without warm-up), {@code bench.databases}
 * ({@code h2,postgres}), {@code bench.clients} (simulated agents, default 4),
 * {@code bench.seconds} (how long the throughput scenarios run), {@code bench.jar} (the
 * server jar, default the newest {@code target/phaseflow-*.jar}), {@code bench.out}.
 */
public final class Bench {

	static final String API = Api.API;

	/**
	 * The server archives only when asked ({@link DatabaseRun#archiveEvents}), then every
	 * event older than a second, whatever its task's priority.
	 */
	static final List<String> ARCHIVE_ON_REQUEST = List.of("--phaseflow.events.archive.cron=-",
			"--phaseflow.events.archive.retention=PT1S", "--phaseflow.events.archive.high-priority-retention=PT1S");

	/** The lifecycle scenario whose artifacts are put in calls of their own. */
	static final String SEPARATE_PUTS = "lifecycle_separate_puts";

	static final List<String> PHASES = List.of("intake", "research", "plan", "execute", "review", "close");

	static final List<String> ARTIFACTS = List.of("TASK.md", "CONTEXT.md", "PLAN.md", "CHANGES.md", "REVIEW.md",
			"SUMMARY.md");

	static final String HEAP = "512m";

	private final Settings settings;

	private final Path out;

	private final Map<String, Object> results = new LinkedHashMap<>();

	private final List<Map<String, Object>> targets = new ArrayList<>();

	/** How the servers start: the launcher, with a cache of this run's own. */
	private final BenchServer.Start serverStart;

	/** The baseline for a start, once the launcher has unpacked the jar. */
	private FrameworkStackStart frameworkStack;

	private Bench(Settings settings) {
		this.settings = settings;
		this.out = settings.out();
		this.serverStart = new BenchServer.Start(Path.of("bin", "phaseflow").toAbsolutePath(),
				this.out.resolve("launcher-cache"), settings.jar());
	}

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.fromSystemProperties();
		new Bench(settings).run();
	}

	/** What a run measures, and how much of it. */
	record Settings(String mode, List<String> databases, int clients, int seconds, Path jar, Path out,
			List<Integer> eventSteps, List<Integer> taskSteps, int restarts, int cliRuns, int samples,
			List<String> serverJvmArgs) {

		static final List<String> MODES = List.of("full", "smoke", "lifecycle", "init", "agent");

		boolean smoke() {
			return this.mode.equals("smoke");
		}

		boolean lifecycleOnly() {
			return this.mode.equals("lifecycle");
		}

		boolean initOnly() {
			return this.mode.equals("init");
		}

		boolean agentOnly() {
			return this.mode.equals("agent");
		}

		/**
		 * How long the lifecycle scenario and its bare-Flowable baseline warm up first.
		 */
		Duration warmUp() {
			return Duration.ofSeconds(smoke() ? 2 : 30);
		}

		/**
		 * How long the lifecycle scenario and its baseline warm up at most: past
		 * {@link #warmUp}, until the JIT compiler is done ({@link SteadyState}).
		 */
		Duration maxWarmUp() {
			return Duration.ofSeconds(smoke() ? 2 : 300);
		}

		/**
		 * In how many alternating rounds the lifecycle scenarios and their bare-Flowable
		 * baseline share {@link #seconds} each: rounds of about 10 s, at least 3 (shorter
		 * ones under 30 s). The speed of these shared machines changes within seconds
		 * (one scenario's rounds of a run went from 18 to 26 lifecycles/s and back to 20
		 * while bare Flowable's went from 47 to 32), so more and shorter rounds spread it
		 * more evenly over the three.
		 */
		int rounds() {
			return smoke() ? 1 : Math.max(3, this.seconds / 10);
		}

		static Settings fromSystemProperties() throws IOException {
			String mode = System.getProperty("bench.mode", "full");
			if (!MODES.contains(mode)) {
				throw new IllegalArgumentException("bench.mode is one of " + MODES + ", not " + mode);
			}
			boolean smoke = mode.equals("smoke");
			List<String> databases = List.of(System.getProperty("bench.databases", "h2,postgres").split(","));
			int clients = Integer.getInteger("bench.clients", 4);
			int seconds = Integer.getInteger("bench.seconds", 0);
			seconds = (seconds > 0) ? seconds : (smoke ? 5 : 60);
			Path jar = Path.of(System.getProperty("bench.jar", newestJar().toString())).toAbsolutePath();
			Path out = Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath();
			return new Settings(mode, databases, clients, seconds, jar, out,
					smoke ? List.of(1_000) : List.of(10_000, 100_000, 1_000_000),
					smoke ? List.of(100) : List.of(100, 1_000, 10_000), mode.equals("full") ? 3 : 1, smoke ? 2 : 5,
					smoke ? 20 : 1_000,
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
		this.results.put("mode", this.settings.mode());
		this.results.put("started_at", started.toString());
		this.results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "java",
				System.getProperty("java.version"), "os", System.getProperty("os.name")));
		this.results.put("clients", this.settings.clients());
		this.results.put("server_heap", HEAP);
		if (!this.settings.agentOnly()) {
			firstStartOfBuild();
			progress("the baseline for a start: the server's frameworks without Phaseflow (training its class-data"
					+ " archive)");
			this.frameworkStack = FrameworkStackStart.prepare(this.out.resolve("framework-stack"),
					this.serverStart.cache(), this.settings.jar(), HEAP);
		}
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
		List<String> databaseErrors = Api.JSON.valueToTree(this.results)
			.findValues("database_errors")
			.stream()
			.flatMap((list) -> StreamSupport.stream(list.spliterator(), false))
			.map(JsonNode::asText)
			.distinct()
			.toList();
		if (!databaseErrors.isEmpty()) {
			// an error the server caught is still work done for nothing
			throw new IllegalStateException("The database reported errors during the run: " + databaseErrors);
		}
	}

	/**
	 * The launcher's first start of a new build, which trains the server's class-data
	 * archive before it starts (on H2, in a folder of its own); the later starts use the
	 * archive.
	 */
	private void firstStartOfBuild() throws IOException {
		deleteRecursively(this.serverStart.cache());
		Path work = this.out.resolve("first-start");
		deleteRecursively(work);
		Files.createDirectories(work);
		progress("first start of this build (the launcher trains its class-data archive)");
		try (BenchServer server = BenchServer.start(this.serverStart, work, "server", HEAP, List.of(),
				List.of("--phaseflow.data-dir=" + work.resolve("data")))) {
			double seconds = server.startUp().toMillis() / 1000.0;
			this.results.put("first_start_of_a_build_seconds", round(seconds));
			progress("first start of this build: %.2f s", seconds);
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

		/**
		 * Session lifecycles per second in the warm-up's last step: how many tasks the
		 * first round of the lifecycle scenarios needs.
		 */
		private double warmLifecyclesPerSecond;

		/**
		 * Rows the database wrote per task created for the lifecycle scenarios (NaN until
		 * counted; -1 where it keeps no such statistics).
		 */
		private double rowsPerTaskCreate = Double.NaN;

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
				if (s.agentOnly()) {
					start();
				}
				else {
					coldStart();
				}
				people();
				if (s.agentOnly()) {
					agentSession();
				}
				else if (s.lifecycleOnly()) {
					warmUp();
					lifecycles();
				}
				else if (s.initOnly()) {
					warmUp();
					archiveEvents();
					initByEvents(s.eventSteps());
					initTargets();
				}
				else {
					warmUp();
					lifecycles();
					activity();
					statusReport();
					// the earlier scenarios' events go to the archive, so that the
					// smallest log is as small as it says, on a server as warm as for the
					// largest
					archiveEvents();
					initByEvents(s.eventSteps());
					initTargets();
					cli();
					if (db.equals(s.databases().get(0))) {
						// its calls, bytes and command times do not depend on the
						// database
						agentSession();
					}
				}
			}
			finally {
				if (this.server != null) {
					this.server.close();
				}
			}
			this.result.put("database_errors", this.database.reportedErrors());
			if (db.equals("postgres") && !s.initOnly() && !s.agentOnly()) {
				double transitions = (double) section("lifecycle").get("transitions_per_second");
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
			start(false);
		}

		/** Starts the server through the launcher, or with {@code java -jar}. */
		private void start(boolean javaJar) throws IOException {
			this.serverStarts++;
			List<String> jvmArgs = Bench.this.settings.serverJvmArgs()
				.stream()
				.map((arg) -> arg.replace("{name}", "server-" + this.serverStarts))
				.toList();
			List<String> args = new ArrayList<>(this.database.serverArgs());
			args.addAll(ARCHIVE_ON_REQUEST);
			this.server = BenchServer.start(javaJar ? Bench.this.serverStart.javaJar() : Bench.this.serverStart,
					this.work, "server-" + this.serverStarts, HEAP, jvmArgs, args);
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

		/**
		 * First start on an empty database (migrations, deployment) through the launcher,
		 * a restart with {@code java -jar} (no class-data archive, the jar packed), then
		 * restarts through the launcher, the last of which serves the rest of the run;
		 * and the same-run baselines: the server's frameworks without Phaseflow
		 * ({@link FrameworkStackStart}), started as the launcher starts the server, on an
		 * empty database of the same kind and restarted on it; bare Flowable's engine
		 * started in a JVM of its own on an empty database of the same kind, its
		 * processes deployed.
		 */
		private void coldStart() throws Exception {
			String db = this.database.name();
			progress("%s: first start on an empty database", db);
			start();
			double first = this.server.startUp().toMillis() / 1000.0;
			stop();
			start(true);
			double javaJar = this.server.startUp().toMillis() / 1000.0;
			stop();
			// the frameworks alone, on an empty database of their own, then restarted
			// on it, each restart just before the server's (which is stopped meanwhile),
			// so that the machine's drift falls on both
			BenchDatabase stackDatabase = BenchDatabase.of(db, this.work.resolve("framework-stack"));
			List<Double> restarts = new ArrayList<>();
			List<Double> stackRestarts = new ArrayList<>();
			double stackFirst;
			try {
				stackFirst = Bench.this.frameworkStack.startAndStop(this.work, "framework-stack-1", HEAP,
						stackDatabase.serverArgs(), true);
				for (int i = 0; i < Bench.this.settings.restarts(); i++) {
					stackRestarts.add(Bench.this.frameworkStack.startAndStop(this.work, "framework-stack-" + (i + 2),
							HEAP, stackDatabase.serverArgs(), false));
					if (i > 0) {
						stop();
					}
					start();
					restarts.add(this.server.startUp().toMillis() / 1000.0);
				}
			}
			finally {
				stackDatabase.drop();
			}
			double bare = bareFlowableStart();
			double median = median(restarts);
			double stackMedian = median(stackRestarts);
			Map<String, Object> section = new LinkedHashMap<>();
			section.put("empty_database", round(first));
			section.put("restarts", restarts);
			section.put("restart_median", round(median));
			section.put("restart_java_jar", round(javaJar));
			section.put("bare_flowable_empty_database", round(bare));
			section.put("ratio_to_bare_flowable", round(first / bare));
			section.put("framework_stack_empty_database", round(stackFirst));
			section.put("framework_stack_restarts", stackRestarts);
			section.put("framework_stack_restart_median", round(stackMedian));
			section.put("ratio_to_framework_stack", round(first / stackFirst));
			section.put("restart_ratio_to_framework_stack", round(median / stackMedian));
			this.result.put("cold_start_seconds", section);
			progress(
					"%s: started in %.2f s on an empty database, restarts %s s, with java -jar %.2f s;"
							+ " the frameworks alone %.2f s, restarts %s s; bare Flowable %.2f s",
					db, first, restarts, javaJar, stackFirst, stackRestarts, bare);
			target(db, "cold start (empty database)", first, "s", "<=", 8);
		}

		/**
		 * Seconds from starting a JVM until bare Flowable's engine is up on an empty
		 * database and the two processes are deployed.
		 */
		private double bareFlowableStart() throws Exception {
			BenchDatabase empty = BenchDatabase.of(this.database.name(), this.work.resolve("bare-flowable-start"));
			try {
				List<String> command = new ArrayList<>(List.of(BenchServer.javaBinary(), "-Xmx" + HEAP, "-cp",
						System.getProperty("java.class.path"), BareFlowable.class.getName(), "start"));
				command.addAll(empty.bareFlowableConnection().arguments());
				Path log = this.work.resolve("bare-flowable-start.log");
				long started = System.nanoTime();
				Process process = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(log.toFile())
					.start();
				if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
					process.destroyForcibly();
					throw new IllegalStateException("bare Flowable did not start; see " + log);
				}
				return (System.nanoTime() - started) / 1e9;
			}
			finally {
				empty.drop();
			}
		}

		private void people() throws IOException {
			this.adminToken = Files.readString(this.database.dataDir.resolve("admin.token")).trim();
			Api admin = new Api(this.server.url(), this.adminToken, null);
			this.pmToken = token(admin, "PM");
			this.pm = admin.as(this.pmToken);
			this.agentId = this.pm.post("agent", API + "/agents", "{\"handle\": \"bench-agent\"}").get("id").asLong();
			this.agentToken = token(admin, "AGENT", this.agentId);
			this.agent = admin.as(this.agentToken);
		}

		private String token(Api admin, String role) {
			return token(admin, role, null);
		}

		private String token(Api admin, String role, Long agentId) {
			return admin
				.post("token", API + "/admin/tokens",
						"{\"name\": \"bench-" + role.toLowerCase() + "\", \"roles\": [\"" + role + "\"]"
								+ ((agentId != null) ? ", \"agent_id\": " + agentId : "") + "}")
				.get("token")
				.asText();
		}

		/**
		 * Whole sessions for a while, not counted, so that what is measured next runs on
		 * a warm server (and the bare-Flowable baseline warms up as long).
		 */
		private void warmUp() throws Exception {
			Settings s = Bench.this.settings;
			String db = this.database.name();
			progress("%s: warming up the server: session lifecycles for %d to %d s, until its JIT compiler is done", db,
					s.warmUp().toSeconds(), s.maxWarmUp().toSeconds());
			AtomicInteger steps = new AtomicInteger();
			SteadyState.Warmed warmed = SteadyState.warmUp(this.server.pid(), s.warmUp(), s.maxWarmUp(),
					(time) -> unmeasuredLifecycles(time, "warm-" + steps.incrementAndGet() + "-"),
					(line) -> progress("%s: server: %s", db, line));
			this.result.put("server_warm_up", warmUpFigures(warmed));
		}

		/**
		 * Moves every event of the log to the archive, as an operator's archiving run
		 * would with a retention of a second (the server's settings in the benchmark), so
		 * that agent init is measured on logs of a known size, each on a warm server.
		 */
		private void archiveEvents() throws Exception {
			String db = this.database.name();
			long before = this.database.countEvents();
			BenchServer.sleep(1_100);
			long started = System.nanoTime();
			JsonNode report = new Api(this.server.url(), this.adminToken, null).post("archive",
					API + "/admin/events/archive", "{}", Duration.ofMinutes(15));
			double seconds = (System.nanoTime() - started) / 1e9;
			long after = this.database.countEvents();
			progress("%s: archived %s of %d events in %.1f s (%s batches); %d left in the log", db,
					report.path("archived").asText(), before, seconds, report.path("batches").asText(), after);
			this.result.put("events_archived_before_agent_init", Map.of("before", before, "archived",
					report.path("archived").asLong(), "left", after, "seconds", round(seconds)));
		}

		/**
		 * Session lifecycles by every client for {@code time}, not recorded, both ways of
		 * sending artifacts in turn, each creating its task; task codes start with
		 * {@code prefix}. Their rate sizes the first round's tasks.
		 */
		private void unmeasuredLifecycles(Duration time, String prefix) throws InterruptedException {
			Load.Result load = Load.run(Bench.this.settings.clients(), time,
					(client, round) -> lifecycleOnce(this.pm.recordingTo(null), this.agent.recordingTo(null),
							prefix + client + "-" + round, null, round % 2 == 0, true));
			this.warmLifecyclesPerSecond = load.rounds() / load.seconds();
		}

		private static Map<String, Object> warmUpFigures(SteadyState.Warmed warmed) {
			Map<String, Object> figures = new LinkedHashMap<>();
			figures.put("seconds", warmed.time().toSeconds());
			figures.put("jit_cpu_share_last_step", round(warmed.compilerShare()));
			return figures;
		}

		/**
		 * Whole sessions, back to back, by every client, both ways of sending artifacts,
		 * the same process on bare Flowable, and over HTTP on the frameworks alone
		 * ({@link StackLifecycles}): in alternating rounds, so that a machine that gets
		 * faster or slower during the run (these are shared VMs) affects the four alike,
		 * and the ratios compare like with like. The bare engine runs in this JVM, the
		 * frameworks in a server of their own, each on a database of its own, while the
		 * others idle. The sessions' tasks are created before each round
		 * ({@link HttpLifecycles#createTasks}).
		 */
		private void lifecycles() throws Exception {
			Settings s = Bench.this.settings;
			String db = this.database.name();
			Duration round = Duration.ofSeconds(Math.max(1, s.seconds() / s.rounds()));
			HttpLifecycles inline = new HttpLifecycles(false);
			HttpLifecycles separate = new HttpLifecycles(true);
			BenchDatabase bareDatabase = BenchDatabase.of(db, this.work.resolve("bare-flowable"));
			BenchDatabase stackDatabase = BenchDatabase.of(db, this.work.resolve("framework-stack-lifecycle"));
			try (BareFlowable bare = bareDatabase.openBareFlowable();
					BenchServer stackServer = Bench.this.frameworkStack.start(this.work, "framework-stack-lifecycle",
							HEAP, stackDatabase.serverArgs())) {
				StackLifecycles stack = new StackLifecycles(stackServer);
				progress("%s: bare Flowable: warming up for %d to %d s, until the JIT compiler is done", db,
						s.warmUp().toSeconds(), s.maxWarmUp().toSeconds());
				SteadyState.Warmed warmed = SteadyState.warmUp(ProcessHandle.current().pid(), s.warmUp(), s.maxWarmUp(),
						(time) -> bare.warmUp(s.clients(), time),
						(line) -> progress("%s: bare Flowable: %s", db, line));
				progress(
						"%s: the frameworks alone over HTTP: warming up for %d to %d s, until the JIT compiler is done",
						db, s.warmUp().toSeconds(), s.maxWarmUp().toSeconds());
				SteadyState.Warmed stackWarmed = SteadyState.warmUp(stackServer.pid(), s.warmUp(), s.maxWarmUp(),
						stack::unmeasured, (line) -> progress("%s: the frameworks alone: %s", db, line));
				long self = ProcessHandle.current().pid();
				SteadyState.Cpu bareCpu = new SteadyState.Cpu(0, 0);
				long serverRowsBefore = this.database.rowsWritten();
				long bareRowsBefore = bareDatabase.rowsWritten();
				BenchDatabase.FileWrites serverFileBefore = this.database.serverFileWrites();
				BenchDatabase.FileWrites bareFileBefore = bareDatabase.bareFileWrites();
				List<BareFlowable.Result> baseline = new ArrayList<>();
				for (int i = 1; i <= s.rounds(); i++) {
					progress(
							"%s: round %d of %d, %d clients, %d s each: over HTTP with artifacts sent with "
									+ "completions, with artifacts put separately, bare Flowable, the frameworks alone",
							db, i, s.rounds(), s.clients(), round.toSeconds());
					inline.measure(i, round);
					separate.measure(i, round);
					SteadyState.Cpu before = SteadyState.cpu(self);
					baseline.add(bare.measure(s.clients(), round));
					bareCpu = bareCpu.plus(SteadyState.cpu(self).minus(before));
					stack.measure(round);
				}
				long serverRowsAfter = this.database.rowsWritten();
				long bareRowsAfter = bareDatabase.rowsWritten();
				BenchDatabase.FileWrites serverFileAfter = this.database.serverFileWrites();
				BenchDatabase.FileWrites bareFileAfter = bareDatabase.bareFileWrites();
				Map<String, Object> lifecycle = inline.section();
				long serverLifecycles = inline.lifecycles + separate.lifecycles;
				if (serverRowsBefore >= 0 && this.rowsPerTaskCreate >= 0) {
					double rows = serverRowsAfter - serverRowsBefore
							- this.rowsPerTaskCreate * (inline.createdBefore + separate.createdBefore);
					lifecycle.put("rows_written_per_lifecycle", round(rows / (double) serverLifecycles));
					lifecycle.put("rows_written_per_task_create", round(this.rowsPerTaskCreate));
				}
				if (serverFileBefore != null) {
					lifecycle.put("file_writes_per_lifecycle",
							fileWrites(serverFileAfter.minus(serverFileBefore)
								.minus(inline.creationFileWrites)
								.minus(separate.creationFileWrites), serverLifecycles));
				}
				this.result.put("lifecycle", lifecycle);
				this.result.put(SEPARATE_PUTS, separate.section());
				long bareLifecycles = baseline.stream().mapToLong(BareFlowable.Result::lifecycles).sum();
				double bareSeconds = baseline.stream().mapToDouble(BareFlowable.Result::seconds).sum();
				double bareCpuSeconds = baseline.stream().mapToDouble(BareFlowable.Result::cpuSeconds).sum();
				double barePerSecond = bareLifecycles / bareSeconds;
				Map<String, Object> base = new LinkedHashMap<>();
				base.put("clients", s.clients());
				base.put("rounds", baseline.size());
				base.put("lifecycles", bareLifecycles);
				base.put("seconds", round(bareSeconds));
				base.put("lifecycles_per_second", round(barePerSecond));
				base.put("lifecycles_per_second_by_round",
						baseline.stream().map((r) -> round(r.lifecyclesPerSecond())).toList());
				base.put("transitions_per_second", round(barePerSecond * 6));
				base.put("lifecycle_ms", Latencies.Summary.of(millisToNanos(
						baseline.stream().flatMapToLong((r) -> LongStream.of(r.lifecycleMillis())).toArray())));
				base.put("cpu_ms_per_lifecycle", round(bareCpuSeconds * 1000 / bareLifecycles));
				base.put("jit_cpu_share", round(bareCpu.compilerShare()));
				base.put("warm_up", warmUpFigures(warmed));
				if (bareRowsBefore >= 0) {
					base.put("rows_written_per_lifecycle",
							round((bareRowsAfter - bareRowsBefore) / (double) bareLifecycles));
				}
				if (bareFileBefore != null) {
					base.put("file_writes_per_lifecycle",
							fileWrites(bareFileAfter.minus(bareFileBefore), bareLifecycles));
				}
				this.result.put("bare_flowable", base);
				double ratio = inline.perSecond() / barePerSecond;
				this.result.put("lifecycle_ratio_to_bare_flowable", round(ratio));
				List<Double> byRound = new ArrayList<>();
				for (int i = 0; i < baseline.size(); i++) {
					byRound.add(round(inline.perSecondByRound.get(i) / baseline.get(i).lifecyclesPerSecond()));
				}
				this.result.put("lifecycle_ratio_to_bare_flowable_by_round", byRound);
				this.result.put(SEPARATE_PUTS + "_ratio_to_bare_flowable", round(separate.perSecond() / barePerSecond));
				Map<String, Object> frameworks = stack.section();
				frameworks.put("warm_up", warmUpFigures(stackWarmed));
				frameworks.put("ratio_to_bare_flowable", round(stack.perSecond() / barePerSecond));
				this.result.put("framework_stack_lifecycle", frameworks);
				this.result.put("lifecycle_ratio_to_framework_stack", round(inline.perSecond() / stack.perSecond()));
				progress(
						"%s: lifecycles/s over HTTP %.2f (artifacts with completions), %.2f (put separately); "
								+ "bare Flowable %.2f; the frameworks alone over HTTP %.2f",
						db, inline.perSecond(), separate.perSecond(), barePerSecond, stack.perSecond());
				if (db.equals("h2")) {
					target(db, "lifecycle throughput / bare Flowable", ratio, "x", ">=", 0.5);
				}
			}
			finally {
				bareDatabase.drop();
				stackDatabase.drop();
			}
		}

		/**
		 * The session process over HTTP on the server's frameworks without Phaseflow
		 * ({@code io.phaseflow.bench.stack.StackSessions}): a call to start it, then one
		 * to complete the agent's task in each of the six phases, 7 calls, each answer
		 * parsed as the server's agent init's is. Measured in the rounds of the lifecycle
		 * scenarios; its server's CPU counted as the server's is.
		 */
		private final class StackLifecycles {

			private final BenchServer stack;

			private final Api api;

			private final String run = "stack-" + System.currentTimeMillis();

			private final AtomicLong sessions = new AtomicLong();

			private final Latencies latencies = new Latencies();

			private final List<Double> perSecondByRound = new ArrayList<>();

			private final List<String> firstErrors = new ArrayList<>();

			private long lifecycles;

			private double seconds;

			private double cpuSeconds;

			private long errors;

			StackLifecycles(BenchServer stack) {
				this.stack = stack;
				this.api = new Api(stack.url(), "none", null);
			}

			void unmeasured(Duration time) throws InterruptedException {
				Load.run(Bench.this.settings.clients(), time, (client, round) -> lifecycle(this.api, null, client));
			}

			void measure(Duration duration) throws InterruptedException {
				double before = SteadyState.cpu(this.stack.pid()).total();
				Api recording = this.api.recordingTo(this.latencies);
				Load.Result load = Load.run(Bench.this.settings.clients(), duration,
						(client, round) -> lifecycle(recording, this.latencies, client));
				this.cpuSeconds += SteadyState.cpu(this.stack.pid()).total() - before;
				this.lifecycles += load.rounds();
				this.seconds += load.seconds();
				this.errors += load.errors();
				this.perSecondByRound.add(round(load.rounds() / load.seconds()));
				progress("%s: the frameworks alone over HTTP: %d lifecycles in %.1f s (%.2f/s), %d errors",
						DatabaseRun.this.database.name(), load.rounds(), load.seconds(), load.rounds() / load.seconds(),
						load.errors());
				if (this.firstErrors.size() < 5) {
					this.firstErrors.addAll(load.firstErrors());
				}
			}

			/** One session; its whole time recorded in {@code latencies} unless null. */
			private void lifecycle(Api api, Latencies latencies, int client) {
				String agent = "agent-" + client;
				long started = System.nanoTime();
				String id = api
					.post("start", "/stack/sessions",
							"{\"session_key\": \"" + this.run + "-" + this.sessions.incrementAndGet()
									+ "\", \"agent\": \"" + agent + "\"}")
					.get("id")
					.asText();
				for (int phase = 0; phase < PHASES.size(); phase++) {
					api.call("complete", "/stack/sessions/" + id + "/complete", "{\"agent\": \"" + agent + "\"}");
				}
				if (latencies != null) {
					latencies.record("whole lifecycle", System.nanoTime() - started);
				}
			}

			double perSecond() {
				return this.lifecycles / this.seconds;
			}

			Map<String, Object> section() {
				Map<String, Object> section = new LinkedHashMap<>();
				section.put("clients", Bench.this.settings.clients());
				section.put("lifecycles", this.lifecycles);
				section.put("seconds", round(this.seconds));
				section.put("lifecycles_per_second", round(perSecond()));
				section.put("lifecycles_per_second_by_round", this.perSecondByRound);
				section.put("cpu_ms_per_lifecycle", round(this.cpuSeconds * 1000 / this.lifecycles));
				section.put("errors", this.errors);
				section.put("first_errors", this.firstErrors);
				section.put("calls", this.latencies.summary());
				return section;
			}

		}

		/** H2's writes to its file, and the KiB they wrote, per lifecycle (or call). */
		private static Map<String, Object> fileWrites(BenchDatabase.FileWrites writes, long count) {
			Map<String, Object> figures = new LinkedHashMap<>();
			figures.put("writes", round(writes.writes() / (double) count));
			figures.put("kib", round(writes.bytes() / 1024.0 / count));
			return figures;
		}

		/**
		 * The session lifecycle over HTTP, measured in rounds; the server's heap and
		 * resident memory sampled while they run.
		 */
		private final class HttpLifecycles {

			private final boolean separatePuts;

			private final Latencies latencies = new Latencies();

			private final List<Long> heap = new ArrayList<>();

			private final List<Long> resident = new ArrayList<>();

			private final List<String> firstErrors = new ArrayList<>();

			private final List<Double> perSecondByRound = new ArrayList<>();

			private long lifecycles;

			private double seconds;

			private SteadyState.Cpu serverCpu = new SteadyState.Cpu(0, 0);

			private double loadGeneratorCpuSeconds;

			private long errors;

			/** Tasks created for this scenario's sessions and not yet worked on. */
			private final Queue<String> ready = new ConcurrentLinkedQueue<>();

			private long createdBefore;

			private final AtomicLong createdDuring = new AtomicLong();

			private SteadyState.Cpu creationCpu = new SteadyState.Cpu(0, 0);

			private BenchDatabase.FileWrites creationFileWrites = new BenchDatabase.FileWrites(0, 0);

			/**
			 * @param separatePuts whether each artifact is put in a call of its own
			 * before its phase is completed, instead of being sent with the completion
			 */
			HttpLifecycles(boolean separatePuts) {
				this.separatePuts = separatePuts;
			}

			void measure(int number, Duration duration) throws Exception {
				DatabaseRun run = DatabaseRun.this;
				AtomicBoolean stop = new AtomicBoolean();
				Thread sampler = new Thread(() -> {
					while (!stop.get()) {
						this.heap.add(run.server.heapUsedMib());
						this.resident.add(run.server.residentMib());
						BenchServer.sleep(2_000);
					}
				});
				String prefix = (this.separatePuts ? "apart-" : "life-") + number + "-";
				createTasks(prefix, duration);
				SteadyState.Cpu serverBefore = SteadyState.cpu(run.server.pid());
				double clientsBefore = SteadyState.cpu(ProcessHandle.current().pid()).total();
				sampler.start();
				Load.Result load = Load.run(Bench.this.settings.clients(), duration, (client, round) -> {
					String code = this.ready.poll();
					boolean create = code == null;
					if (create) {
						code = prefix + "late-" + client + "-" + round;
						this.createdDuring.incrementAndGet();
					}
					lifecycleOnce(run.pm.recordingTo(this.latencies), run.agent.recordingTo(this.latencies), code,
							this.latencies, this.separatePuts, create);
				});
				this.serverCpu = this.serverCpu.plus(SteadyState.cpu(run.server.pid()).minus(serverBefore));
				this.loadGeneratorCpuSeconds += SteadyState.cpu(ProcessHandle.current().pid()).total() - clientsBefore;
				stop.set(true);
				sampler.join();
				this.lifecycles += load.rounds();
				this.seconds += load.seconds();
				this.errors += load.errors();
				load.firstErrors()
					.stream()
					.limit(Math.max(0, 5 - this.firstErrors.size()))
					.forEach(this.firstErrors::add);
				this.perSecondByRound.add(round(load.rounds() / load.seconds()));
				progress("%s: %d lifecycles in %.1f s (%.2f/s)%s, %d errors", run.database.name(), load.rounds(),
						load.seconds(), load.rounds() / load.seconds(),
						this.separatePuts ? " with artifacts put separately" : "", load.errors());
			}

			/**
			 * Creates the tasks the round's sessions will work on, before it starts: a
			 * session lifecycle starts at agent init, as in the bare-Flowable baseline,
			 * which starts the session process and creates nothing else. As many as the
			 * last round (or the warm-up) ran in this time, and half as many again; a
			 * client that finds none left creates its task within the round, counted. The
			 * server's CPU and writes while creating are measured apart.
			 */
			private void createTasks(String prefix, Duration duration) throws Exception {
				DatabaseRun run = DatabaseRun.this;
				double expected = this.perSecondByRound.isEmpty() ? run.warmLifecyclesPerSecond
						: this.perSecondByRound.get(this.perSecondByRound.size() - 1);
				int wanted = (int) Math.ceil(Math.max(1, expected) * duration.toMillis() / 1000.0 * 1.5)
						+ Bench.this.settings.clients() - this.ready.size();
				if (wanted <= 0) {
					return;
				}
				// PostgreSQL's statistics take seconds to settle: rows are counted
				// around the first creation only, and per task from then on
				boolean countRows = Double.isNaN(run.rowsPerTaskCreate);
				long rowsBefore = countRows ? run.database.rowsWritten() : -1;
				SteadyState.Cpu cpuBefore = SteadyState.cpu(run.server.pid());
				BenchDatabase.FileWrites fileBefore = run.database.serverFileWrites();
				Api pm = run.pm.recordingTo(this.latencies);
				Load.Result load = Load.run(Bench.this.settings.clients(), wanted, (client, round) -> {
					createTask(pm, prefix + round);
					this.ready.add(prefix + round);
				}, 0);
				this.creationCpu = this.creationCpu.plus(SteadyState.cpu(run.server.pid()).minus(cpuBefore));
				if (countRows && rowsBefore < 0) {
					run.rowsPerTaskCreate = -1;
				}
				else if (countRows && load.rounds() > 0) {
					run.rowsPerTaskCreate = (run.database.rowsWritten() - rowsBefore) / (double) load.rounds();
				}
				if (fileBefore != null) {
					this.creationFileWrites = this.creationFileWrites
						.plus(run.database.serverFileWrites().minus(fileBefore));
				}
				this.createdBefore += load.rounds();
				this.errors += load.errors();
				progress("%s: %d tasks created for the round's sessions in %.1f s%s", run.database.name(),
						load.rounds(), load.seconds(), this.separatePuts ? " (artifacts put separately)" : "");
			}

			double perSecond() {
				return this.lifecycles / this.seconds;
			}

			Map<String, Object> section() throws IOException {
				Map<String, Object> section = new LinkedHashMap<>();
				section.put("http_calls_per_lifecycle", this.separatePuts ? 13 : 7);
				section.put("clients", Bench.this.settings.clients());
				section.put("rounds", this.perSecondByRound.size());
				section.put("lifecycles", this.lifecycles);
				section.put("seconds", round(this.seconds));
				section.put("lifecycles_per_second", round(perSecond()));
				section.put("lifecycles_per_second_by_round", this.perSecondByRound);
				section.put("transitions_per_second", round(perSecond() * 6));
				section.put("errors", this.errors);
				section.put("first_errors", this.firstErrors);
				section.put("server_cpu_ms_per_lifecycle", round(this.serverCpu.total() * 1000 / this.lifecycles));
				section.put("server_jit_cpu_share", round(this.serverCpu.compilerShare()));
				section.put("load_generator_cpu_ms_per_lifecycle",
						round(this.loadGeneratorCpuSeconds * 1000 / this.lifecycles));
				section.put("tasks_created_before_rounds", this.createdBefore);
				section.put("tasks_created_during_rounds", this.createdDuring.get());
				section.put("server_cpu_ms_per_task_create",
						round(this.creationCpu.total() * 1000 / Math.max(1, this.createdBefore)));
				section.put("calls", this.latencies.summary());
				section.put("heap_used_mib_max", this.heap.stream().mapToLong(Long::longValue).max().orElse(-1));
				section.put("resident_mib_max", this.resident.stream().mapToLong(Long::longValue).max().orElse(-1));
				section.put("server_log_errors", DatabaseRun.this.server.errorsInLog());
				return section;
			}

		}

		/**
		 * One session from agent init to its end: six phases, six artifacts, each sent
		 * with the completion of its phase (7 calls) or put before it (13 calls); its
		 * task created first when {@code createTask}, timed apart from the lifecycle.
		 */
		private void lifecycleOnce(Api pm, Api agent, String code, Latencies latencies, boolean separatePuts,
				boolean createTask) {
			if (createTask) {
				createTask(pm, code);
			}
			long started = System.nanoTime();
			String key = startSession(agent, code);
			for (int i = 0; i < PHASES.size(); i++) {
				String phase = PHASES.get(i);
				String artifact = "{\"name\": \"" + ARTIFACTS.get(i) + "\", \"content\": "
						+ Api.quote("# " + ARTIFACTS.get(i) + "\n\nWork of " + code + ".\n") + "}";
				String with = "";
				if (separatePuts) {
					agent.call("artifact put", API + "/sessions/" + key + "/artifacts", artifact);
				}
				else {
					with = " with artifact";
				}
				String artifacts = separatePuts ? "" : ", \"artifacts\": [" + artifact + "]";
				if (phase.equals("close")) {
					agent.call("session end" + with, API + "/sessions/" + key + "/end",
							"{" + artifacts.replaceFirst("^, ", "") + "}");
				}
				else {
					agent.call("phase complete" + with, API + "/sessions/" + key + "/phase-complete",
							"{\"phase\": \"" + phase + "\""
									+ (phase.equals("review") ? ", \"qa_status\": \"qa_passed\"" : "") + artifacts
									+ "}");
				}
			}
			if (latencies != null) {
				latencies.record("whole lifecycle", System.nanoTime() - started);
			}
		}

		/**
		 * A coding agent's session over MCP and through the CLI ({@link AgentSession}),
		 * as the agent the benchmark registered.
		 */
		private void agentSession() throws Exception {
			this.result.put("agent_session",
					new AgentSession(Path.of("bin", "phaseflow").toAbsolutePath(), Bench.this.settings.jar(),
							this.work.resolve("agent"), this.server.url(), this.pm, this.agentToken,
							Bench.this.settings.smoke() ? 2 : 10)
						.run());
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
			createTask(pm, code);
			return startSession(agent, code);
		}

		/** A new task ready for intake. */
		private void createTask(Api pm, String code) {
			pm.call("task create", API + "/tasks", "{\"task_code\": \"" + code + "\", \"title\": \"Task " + code
					+ "\", \"description\": \"Build it\", \"metadata\": {\"acceptance_criteria\": [\"it works\"]}}");
		}

		/** The task's session, started by agent init. */
		private String startSession(Api agent, String code) {
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
				this.database.analyze();
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
		 * Agent init continuing a running session, as the event log grows to each step's
		 * size (a new session at each step). Events are added to the database while the
		 * server runs (H2 in {@code AUTO_SERVER} mode), so the server stays warm.
		 */
		private void initByEvents(List<Integer> eventSteps) throws Exception {
			Settings s = Bench.this.settings;
			String db = this.database.name();
			for (int step : eventSteps) {
				long have = this.database.countEvents();
				if (have < step) {
					progress("%s: adding %d events (to %d)", db, step - have, step);
					this.database.seedEvents(step - have);
				}
				// a session of its own at each size: every init adds an event to its
				// session, and the session's own events are read for its active time, so
				// one session for every step would grow with the calls as well as the log
				String code = "init-target-" + step;
				runningSession(code);
				String body = "{\"entity_type\": \"task\", \"entity_code\": \"" + code + "\", \"agent_id\": "
						+ this.agentId + "}";
				long events = this.database.countEvents();
				Latencies latencies = new Latencies();
				Api agent = this.agent.recordingTo(latencies);
				for (int i = 0; i < s.samples(); i++) {
					agent.recordingTo(null).post("warm-up", API + "/agent/init", body);
				}
				BenchDatabase.FileWrites fileBefore = this.database.serverFileWrites();
				for (int i = 0; i < s.samples(); i++) {
					agent.post("agent init", API + "/agent/init", body);
				}
				BenchDatabase.FileWrites fileAfter = this.database.serverFileWrites();
				Latencies.Summary summary = latencies.summary().get("agent init");
				Map<String, Object> figures = new LinkedHashMap<>();
				figures.put("events", events);
				figures.put("agent_init_ms", summary);
				if (fileBefore != null) {
					// H2: what each init's commit wrote to the file, as the log grows
					figures.put("file_writes_per_call", fileWrites(fileAfter.minus(fileBefore), s.samples()));
				}
				this.initSteps.add(figures);
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
		 * unpacks the jar into a cache and is not counted), and as {@code java -jar}. Two
		 * baselines in the same runs: the launcher's start and exit without a request
		 * ({@code bin/phaseflow --version}), and the JVM's own ({@code java -version}
		 * with the commands' JVM options).
		 */
		private void cli() throws Exception {
			Settings s = Bench.this.settings;
			String db = this.database.name();
			List<String> args = List.of("report", "bench-report", "--json");
			List<String> launcher = new ArrayList<>(List.of(Path.of("bin", "phaseflow").toAbsolutePath().toString()));
			launcher.addAll(args);
			List<String> javaJar = new ArrayList<>(List.of(BenchServer.javaBinary(), "-jar", s.jar().toString()));
			javaJar.addAll(args);
			List<String> version = List.of(launcher.get(0), "--version");
			List<String> jvm = List.of(BenchServer.javaBinary(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
					"-version");
			timeCommand(launcher);
			List<Double> viaLauncher = new ArrayList<>();
			List<Double> viaJavaJar = new ArrayList<>();
			List<Double> versionOnly = new ArrayList<>();
			List<Double> jvmOnly = new ArrayList<>();
			for (int i = 0; i < s.cliRuns(); i++) {
				viaLauncher.add(timeCommand(launcher));
				viaJavaJar.add(timeCommand(javaJar));
				versionOnly.add(timeCommand(version));
				jvmOnly.add(timeCommand(jvm));
			}
			double median = median(viaLauncher);
			Map<String, Object> section = new LinkedHashMap<>();
			section.put("command", "bin/phaseflow report bench-report --json");
			section.put("runs", viaLauncher);
			section.put("median", round(median));
			section.put("java_jar_runs", viaJavaJar);
			section.put("java_jar_median", round(median(viaJavaJar)));
			section.put("launcher_without_request_runs", versionOnly);
			section.put("launcher_without_request_median", round(median(versionOnly)));
			section.put("jvm_alone_command", String.join(" ", jvm.subList(1, jvm.size())));
			section.put("jvm_alone_runs", jvmOnly);
			section.put("jvm_alone_median", round(median(jvmOnly)));
			this.result.put("cli_seconds", section);
			progress("%s: CLI client command: bin/phaseflow %s s, java -jar %s s; bin/phaseflow --version %s s,"
					+ " java -version %s s", db, viaLauncher, viaJavaJar, versionOnly, jvmOnly);
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
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("phaseflow report did not end within a minute");
			}
			return process.exitValue();
		}

	}

}
