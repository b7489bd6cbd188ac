package io.phaseflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import com.sun.management.OperatingSystemMXBean;
import com.zaxxer.hikari.HikariDataSource;
import io.phaseflow.bench.stack.BaselineSession;
import io.phaseflow.flowable.EngineBaseline;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.slf4j.LoggerFactory;

/**
 * Benchmark baseline: Phaseflow's session process ({@code agentTaskSession}, calling
 * {@code sessionPhase} for each phase) driven in-process on a bare Flowable engine, on
 * the same kind of database as the server, without HTTP, Phaseflow's tables or its
 * services. The service tasks are no-ops, except that the phase check answers
 * {@code valid}; the engine is configured as the server's ({@code application.yml}
 * {@code flowable:} and {@code EngineSettings}): history {@code audit}, async executor
 * on, strong UUIDs, call activities calling their own deployment, a Hikari pool of the
 * default ten connections. The processes are the two files of the repository's
 * {@code processes/} folder, which the build copies onto the class path.
 * <p>
 * Each of {@code clients} threads runs sessions back to back, completing the agent's
 * {@code workOnPhase} task of each of the six phases as the server's
 * {@code FlowableWorkflowEngine.completeWork} does. Not a test: it measures, asserts
 * nothing about times.
 */
public final class BareFlowable implements AutoCloseable {

	/**
	 * The settings of the server's H2 URL ({@code application.yml}) that bear on speed:
	 * commits written before the answer, documents in their rows, statements kept parsed.
	 * The benchmark's H2 databases, the server's and the baseline's, use them.
	 */
	static final String H2_SETTINGS = ";WRITE_DELAY=0;MAX_LENGTH_INPLACE_LOB=65536;QUERY_CACHE_SIZE=100";

	private static final int PHASES = 6;

	/**
	 * Lifecycles each client runs to warm up at least, however short the warm-up time.
	 */
	private static final int MIN_WARM_UP = 3;

	private static final List<String> PROCESSES = List.of("processes/agent-task-session.bpmn20.xml",
			"processes/session-phase.bpmn20.xml");

	private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final HikariDataSource dataSource;

	private final ProcessEngine engine;

	/** Starts this engine's sessions and completes their phases. */
	private final BaselineSession baseline;

	private final Consumer<String> report;

	/** Names this engine's sessions (business keys {@code <run>-<n>}). */
	private final String run = UUID.randomUUID().toString().substring(0, 8);

	/** The sessions started so far, warm-up included. */
	private final AtomicInteger sessions = new AtomicInteger();

	private BareFlowable(HikariDataSource dataSource, ProcessEngine engine, Consumer<String> report) {
		this.dataSource = dataSource;
		this.engine = engine;
		this.baseline = new BaselineSession(engine.getRuntimeService(), engine.getTaskService(),
				engine.getManagementService());
		this.report = report;
	}

	/**
	 * A measurement.
	 *
	 * @param clients the number of threads that ran sessions
	 * @param lifecycles the sessions completed during the measurement
	 * @param transitions the phase completions during the measurement (6 per lifecycle)
	 * @param seconds how long the measurement took, until the last session ended
	 * @param lifecycleMillis each measured session's wall time, start to end
	 * @param cpuSeconds the CPU time this JVM used during the measurement
	 */
	public record Result(int clients, long lifecycles, long transitions, double seconds, double lifecyclesPerSecond,
			double transitionsPerSecond, long[] lifecycleMillis, double cpuSeconds) {
	}

	/** {@link #open(String, String, String, String, Consumer)} on {@code store}. */
	public static BareFlowable open(Store store, Consumer<String> progress) {
		return open(store.url(), store.user(), store.password(), store.schema(), progress);
	}

	/**
	 * Where bare Flowable keeps its data.
	 *
	 * @param url the JDBC URL
	 * @param user the database user
	 * @param password the user's password
	 * @param schema a schema of its own to create, or null for the default one
	 */
	public record Store(String url, String user, String password, String schema) {

		/** As command-line arguments (an empty schema for none). */
		List<String> arguments() {
			return List.of(this.url, this.user, this.password, (this.schema != null) ? this.schema : "");
		}

		/** From {@link #arguments()}. */
		static Store fromArguments(String[] args) {
			return new Store(args[0], args[1], args[2], args[3].isEmpty() ? null : args[3]);
		}

	}

	/**
	 * Builds an engine on the database and deploys the two processes.
	 * @param jdbcUrl an H2 file URL, or a PostgreSQL URL whose {@code currentSchema} is
	 * {@code schema}
	 * @param schema the schema the engine's tables go to (created if missing), or null
	 * for the connection's default schema
	 * @param progress where to report what happens, or null
	 */
	public static BareFlowable open(String jdbcUrl, String user, String password, String schema,
			Consumer<String> progress) {
		Consumer<String> report = (progress != null) ? progress : (message) -> {
		};
		quietLogging();
		HikariDataSource dataSource = dataSource(jdbcUrl, user, password);
		try {
			createSchema(dataSource, schema);
			long built = System.nanoTime();
			ProcessEngine engine = engine(dataSource, schema);
			try {
				deploy(engine);
			}
			catch (RuntimeException ex) {
				engine.close();
				throw ex;
			}
			report.accept("bare Flowable engine up and processes deployed in %.1f s on %s"
				.formatted(seconds(System.nanoTime() - built), jdbcUrl));
			return new BareFlowable(dataSource, engine, report);
		}
		catch (RuntimeException ex) {
			dataSource.close();
			throw ex;
		}
	}

	/**
	 * Opens an engine, warms it up, runs sessions on {@code clients} threads until
	 * {@code duration} has passed, and closes it.
	 */
	public static Result run(String jdbcUrl, String user, String password, String schema, int clients,
			Duration warmUpTime, Duration duration, Consumer<String> progress) {
		try (BareFlowable bare = open(jdbcUrl, user, password, schema, progress)) {
			bare.warmUp(clients, warmUpTime);
			return bare.measure(clients, duration);
		}
	}

	/**
	 * Runs sessions on {@code clients} threads for {@code time}, each client at least a
	 * few, not measured.
	 * @return the sessions run
	 */
	public int warmUp(int clients, Duration time) {
		requireClients(clients, time);
		int before = this.sessions.get();
		ExecutorService warmUp = threads(clients, this.run + "-warm-up");
		long warmUpEnds = System.nanoTime() + time.toNanos();
		awaitAll(warmUp, submit(warmUp, clients, (client) -> {
			for (int i = 0; i < MIN_WARM_UP || System.nanoTime() < warmUpEnds; i++) {
				lifecycle(this.engine, this.baseline, this.run, client, this.sessions.incrementAndGet(), true);
			}
			return new long[0];
		}), () -> {
		});
		int warmedUp = this.sessions.get() - before;
		this.report.accept("warm-up: %d lifecycles in %s".formatted(warmedUp, time));
		return warmedUp;
	}

	/** Runs sessions on {@code clients} threads until {@code duration} has passed. */
	public Result measure(int clients, Duration duration) {
		requireClients(clients, duration);
		ProcessEngine engine = this.engine;
		BaselineSession baseline = this.baseline;
		String run = this.run;
		AtomicInteger sessions = this.sessions;
		Consumer<String> report = this.report;
		report.accept("measuring %d clients for %s".formatted(clients, duration));
		AtomicLong done = new AtomicLong();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		long start = System.nanoTime();
		long cpuAtStart = processCpuNanos();
		long deadline = start + duration.toNanos();
		ExecutorService workers = threads(clients, run);
		List<Future<long[]>> perClient = submit(workers, clients, (client) -> {
			LongStream.Builder millis = LongStream.builder();
			try {
				while (System.nanoTime() < deadline && failure.get() == null) {
					millis.add(lifecycle(engine, baseline, run, client, sessions.incrementAndGet(), false));
					done.incrementAndGet();
				}
			}
			catch (RuntimeException | Error ex) {
				failure.compareAndSet(null, ex);
				throw ex;
			}
			return millis.build().toArray();
		});
		long[] lifecycleMillis = awaitAll(workers, perClient, () -> report
			.accept("%d lifecycles after %.0f s".formatted(done.get(), seconds(System.nanoTime() - start))));
		double seconds = seconds(System.nanoTime() - start);
		double cpuSeconds = seconds(processCpuNanos() - cpuAtStart);
		requireAllEnded(engine, run, sessions.get());
		long lifecycles = lifecycleMillis.length;
		report.accept("%d lifecycles, %d transitions in %.1f s".formatted(lifecycles, lifecycles * PHASES, seconds));
		return new Result(clients, lifecycles, lifecycles * PHASES, seconds, lifecycles / seconds,
				lifecycles * PHASES / seconds, lifecycleMillis, cpuSeconds);
	}

	@Override
	public void close() {
		try {
			this.engine.close();
		}
		finally {
			this.dataSource.close();
		}
	}

	private static void requireClients(int clients, Duration duration) {
		if (clients < 1 || duration.isNegative()) {
			throw new IllegalArgumentException(
					"Needs at least one client and a duration, not " + clients + ", " + duration);
		}
	}

	/**
	 * One session on the happy path: started as the server's {@code startSession} does,
	 * then each phase's work completed as its {@code completePhase} does.
	 * @return the session's wall time in milliseconds
	 */
	private static long lifecycle(ProcessEngine engine, BaselineSession baseline, String run, int client, int number,
			boolean verify) {
		String agent = "agent-" + client;
		Authentication.setAuthenticatedUserId(agent);
		try {
			long start = System.nanoTime();
			String sessionKey = run + "-" + number;
			String instance = baseline.start(sessionKey, agent);
			for (int phase = 0; phase < PHASES; phase++) {
				baseline.completeWork(instance);
			}
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			if (verify && engine.getRuntimeService()
				.createProcessInstanceQuery()
				.processInstanceId(instance)
				.count() > 0) {
				throw new IllegalStateException("Session " + sessionKey + " did not end after six phases");
			}
			return millis;
		}
		finally {
			Authentication.setAuthenticatedUserId(null);
		}
	}

	private static void requireAllEnded(ProcessEngine engine, String run, int started) {
		long ended = engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(BaselineSession.PROCESS)
			.processInstanceBusinessKeyLike(run + "-%")
			.finished()
			.count();
		if (ended != started) {
			throw new IllegalStateException(started + " sessions started but " + ended + " ended");
		}
	}

	private static ProcessEngine engine(HikariDataSource dataSource, String schema) {
		StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
		configuration.setEngineName("bare-flowable-bench");
		configuration.setDataSource(dataSource);
		// without it, Flowable looks for its tables in every schema of the database
		configuration.setDatabaseSchema(schema);
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
		configuration.setHistoryLevel(HistoryLevel.AUDIT);
		configuration.setAsyncExecutorActivate(true);
		configuration.setIdGenerator(new StrongUuidGenerator());
		EngineBaseline.configure(configuration);
		// -Dbench.bulk-insert=true for Flowable's default instead of the server's
		configuration.setBulkInsertEnabled(Boolean.getBoolean("bench.bulk-insert"));
		configuration.setDisableIdmEngine(true);
		configuration.setDisableEventRegistry(true);
		configuration.setBeans(BaselineSession.delegates());
		return configuration.buildProcessEngine();
	}

	private static void deploy(ProcessEngine engine) {
		var deployment = engine.getRepositoryService()
			.createDeployment()
			.name("phaseflow-bench")
			.enableDuplicateFiltering();
		PROCESSES.forEach(deployment::addClasspathResource);
		deployment.deploy();
	}

	private static HikariDataSource dataSource(String jdbcUrl, String user, String password) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName("bare-flowable");
		dataSource.setJdbcUrl(jdbcUrl);
		dataSource.setUsername(user);
		dataSource.setPassword(password);
		return dataSource;
	}

	private static void createSchema(HikariDataSource dataSource, String schema) {
		if (schema == null) {
			return;
		}
		if (!SCHEMA_NAME.matcher(schema).matches()) {
			throw new IllegalArgumentException("Not a plain schema name: " + schema);
		}
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create schema " + schema, ex);
		}
	}

	/**
	 * Logs Flowable, MyBatis and the pool as the server does (Spring Boot's INFO, the
	 * agenda at WARN): a JVM without a logback configuration would log every statement.
	 */
	private static void quietLogging() {
		Map.of("org.flowable", Level.INFO, "org.apache.ibatis", Level.INFO, "com.zaxxer.hikari", Level.INFO,
				"org.flowable.common.engine.impl.agenda", Level.WARN)
			.forEach((name, level) -> {
				if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger
						&& !logger.getEffectiveLevel().isGreaterOrEqual(level)) {
					logger.setLevel(level);
				}
			});
	}

	private interface Client {

		long[] run(int client);

	}

	private static ExecutorService threads(int clients, String name) {
		AtomicInteger number = new AtomicInteger();
		return Executors.newFixedThreadPool(clients, (runnable) -> {
			Thread thread = new Thread(runnable, "bare-flowable-" + name + "-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	private static List<Future<long[]>> submit(ExecutorService threads, int clients, Client client) {
		List<Future<long[]>> futures = new ArrayList<>();
		for (int i = 1; i <= clients; i++) {
			int number = i;
			futures.add(threads.submit(() -> client.run(number)));
		}
		threads.shutdown();
		return futures;
	}

	/** Waits for every client, reporting every five seconds; their results joined. */
	private static long[] awaitAll(ExecutorService threads, List<Future<long[]>> futures, Runnable tick) {
		try {
			while (!threads.awaitTermination(5, TimeUnit.SECONDS)) {
				tick.run();
			}
			LongStream all = LongStream.empty();
			for (Future<long[]> future : futures) {
				all = LongStream.concat(all, LongStream.of(future.get()));
			}
			return all.toArray();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("A client failed: " + ex.getCause(), ex.getCause());
		}
		catch (InterruptedException ex) {
			threads.shutdownNow();
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

	/** The CPU time this JVM has used so far (all threads, user and system). */
	private static long processCpuNanos() {
		return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/**
	 * A quick manual check, on an H2 file in a temporary directory unless a JDBC URL is
	 * given:
	 * {@code BareFlowable [clients [seconds [jdbcUrl [user [password [schema]]]]]]}; or,
	 * for the benchmark's cold start, {@code BareFlowable start jdbcUrl user password
	 * schema}: the engine started and the processes deployed, then the JVM ends.
	 */
	public static void main(String[] args) throws IOException {
		if (args.length == 5 && args[0].equals("start")) {
			open(Store.fromArguments(Arrays.copyOfRange(args, 1, 5)), null).close();
			return;
		}
		int clients = (args.length > 0) ? Integer.parseInt(args[0]) : 2;
		Duration duration = Duration.ofSeconds((args.length > 1) ? Long.parseLong(args[1]) : 10);
		Path directory = (args.length > 2) ? null : Files.createTempDirectory("bare-flowable");
		String url = (directory != null) ? "jdbc:h2:file:" + directory.resolve("flowable")
				+ ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000" + H2_SETTINGS : args[2];
		try {
			Result result = run(url, (args.length > 3) ? args[3] : "sa", (args.length > 4) ? args[4] : "",
					(args.length > 5) ? args[5] : null, clients, Duration.ofSeconds(5), duration, System.out::println);
			long[] sorted = result.lifecycleMillis().clone();
			Arrays.sort(sorted);
			System.out.printf(
					"clients=%d lifecycles=%d transitions=%d seconds=%.1f lifecycles/s=%.1f transitions/s=%.1f"
							+ " p50=%d ms p99=%d ms%n",
					result.clients(), result.lifecycles(), result.transitions(), result.seconds(),
					result.lifecyclesPerSecond(), result.transitionsPerSecond(), percentile(sorted, 0.50),
					percentile(sorted, 0.99));
		}
		finally {
			if (directory != null) {
				try (Stream<Path> files = Files.walk(directory)) {
					files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
				}
			}
		}
	}

	private static long percentile(long[] sorted, double fraction) {
		return (sorted.length == 0) ? 0
				: sorted[(int) Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
	}

}
