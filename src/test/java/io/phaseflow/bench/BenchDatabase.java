package io.phaseflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Where a benchmark's server keeps its data: an H2 file in a folder of its own, or a new
 * schema in a PostgreSQL database ({@code PHASEFLOW_BENCH_PG_URL}, default the local
 * {@code test} database as {@code postgres}).
 */
abstract class BenchDatabase {

	static final String PG_URL = env("PHASEFLOW_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");

	static final String PG_USER = env("PHASEFLOW_BENCH_PG_USER", "postgres");

	static final String PG_PASSWORD = env("PHASEFLOW_BENCH_PG_PASSWORD", "");

	final Path dataDir;

	BenchDatabase(Path dataDir) {
		this.dataDir = dataDir;
	}

	static BenchDatabase of(String name, Path dataDir) {
		return switch (name) {
			case "h2" -> new H2(dataDir);
			case "postgres" -> new Postgres(dataDir);
			default -> throw new IllegalArgumentException("Unknown database " + name + " (h2 or postgres)");
		};
	}

	abstract String name();

	/** The server's command-line arguments for this database. */
	abstract List<String> serverArgs();

	/**
	 * A connection to the server's database, also while the server runs (H2 in
	 * {@code AUTO_SERVER} mode).
	 */
	abstract Connection connect() throws SQLException;

	/**
	 * The errors the database reported to its own log while the servers of the run used
	 * it (H2's trace file; none for PostgreSQL, whose log is its server's), the first
	 * line of each, distinct.
	 */
	List<String> reportedErrors() throws IOException {
		return List.of();
	}

	/**
	 * Brings the database's planner statistics up to date ({@code ANALYZE}), as
	 * PostgreSQL's autovacuum or H2's automatic analysis does some time after many rows
	 * changed: a scenario that adds thousands of rows in a minute and measures at once
	 * would otherwise measure plans made for the tables as they were.
	 */
	void analyze() throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("ANALYZE");
		}
	}

	/**
	 * Adds {@code count} events to the log, spread over 10,000 sessions of 1,000 tasks,
	 * in batches of 100,000 rows.
	 */
	void seedEvents(long count) throws SQLException {
		try (Connection connection = connect()) {
			for (long done = 0; done < count;) {
				long batch = Math.min(100_000, count - done);
				try (PreparedStatement insert = connection.prepareStatement(seedEventsSql())) {
					insert.setLong(1, done + 1);
					insert.setLong(2, done + batch);
					insert.executeUpdate();
				}
				done += batch;
			}
		}
	}

	abstract String seedEventsSql();

	/** How many events the log holds. */
	long countEvents() throws SQLException {
		try (Connection connection = connect();
				PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM orchestration_events");
				ResultSet rows = count.executeQuery()) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/** A bare Flowable engine on this database, its processes deployed. */
	BareFlowable openBareFlowable() {
		return BareFlowable.open(bareFlowableConnection(), (line) -> Bench.progress("bare Flowable: %s", line));
	}

	/** Where bare Flowable keeps its data on this database. */
	abstract BareFlowable.Store bareFlowableConnection();

	/**
	 * Rows inserted, updated and deleted in this database so far, by PostgreSQL's
	 * statistics (-1 where there are none).
	 */
	long rowsWritten() throws SQLException {
		return -1;
	}

	/**
	 * What the server's database has written to its file since it opened it, by H2's own
	 * count; null where there is none (PostgreSQL).
	 */
	FileWrites serverFileWrites() throws SQLException {
		return null;
	}

	/** The same for bare Flowable's database, open in this JVM. */
	FileWrites bareFileWrites() throws SQLException {
		return null;
	}

	/** Writes to a database file (H2 writes each commit as one) and their bytes. */
	record FileWrites(long writes, long bytes) {

		FileWrites minus(FileWrites earlier) {
			return new FileWrites(this.writes - earlier.writes, this.bytes - earlier.bytes);
		}

		FileWrites plus(FileWrites more) {
			return new FileWrites(this.writes + more.writes, this.bytes + more.bytes);
		}

	}

	/** Drops what this database left behind (PostgreSQL: its schema). */
	void drop() {
	}

	String serverDataArgs() {
		return "--phaseflow.data-dir=" + this.dataDir;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	static final class H2 extends BenchDatabase {

		/**
		 * The start of an entry of H2's trace file:
		 * {@code 2026-12-02 07:51:50.215448Z jdbc[11]: …}.
		 */
		private static final Pattern TRACE_ENTRY = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

		H2(Path dataDir) {
			super(dataDir);
		}

		@Override
		String name() {
			return "h2";
		}

		/**
		 * The exceptions H2 wrote to {@code phaseflow.trace.db} (and the file it rolled
		 * over to), by their first line: H2 logs every exception it raises or meets for a
		 * caller there, also one the caller catches, as an entry's dated line followed by
		 * the stack trace. Left out: "Database is already closed", which the engine's
		 * shutdown meets at every stop of the server because {@link #serverArgs()} cannot
		 * ask for {@code DB_CLOSE_ON_EXIT=FALSE}.
		 */
		@Override
		List<String> reportedErrors() throws IOException {
			List<String> errors = new ArrayList<>();
			for (String file : new String[] { "phaseflow.trace.db.old", "phaseflow.trace.db" }) {
				String trace;
				try {
					// malformed bytes (a line cut off mid-write) are replaced, not
					// refused
					trace = new String(Files.readAllBytes(this.dataDir.resolve(file)), StandardCharsets.UTF_8);
				}
				catch (NoSuchFileException ex) {
					continue;
				}
				String[] lines = trace.split("\\R");
				for (int i = 0; i + 1 < lines.length; i++) {
					String next = lines[i + 1];
					if (TRACE_ENTRY.matcher(lines[i]).lookingAt() && !next.isBlank()
							&& !Character.isWhitespace(next.charAt(0)) && !TRACE_ENTRY.matcher(next).lookingAt()
							&& !next.contains("Database is already closed")) {
						errors.add(next);
					}
				}
			}
			return errors.stream().distinct().toList();
		}

		/**
		 * The server's own URL (application.yml) with {@code AUTO_SERVER=TRUE}: the
		 * server opens the file as usual and lets the benchmark connect to it while it
		 * runs. H2 refuses {@code DB_CLOSE_ON_EXIT=FALSE} in that mode, which only
		 * matters at shutdown.
		 */
		@Override
		List<String> serverArgs() {
			return List.of(serverDataArgs(), "--spring.datasource.url=jdbc:h2:file:" + this.dataDir.resolve("phaseflow")
					+ ";LOCK_TIMEOUT=10000" + BareFlowable.H2_SETTINGS + ";AUTO_SERVER=TRUE");
		}

		@Override
		Connection connect() throws SQLException {
			return DriverManager
				.getConnection("jdbc:h2:file:" + this.dataDir.resolve("phaseflow") + ";AUTO_SERVER=TRUE", "sa", "");
		}

		@Override
		BareFlowable.Store bareFlowableConnection() {
			return new BareFlowable.Store("jdbc:h2:file:" + this.dataDir.resolve("bare") + BareFlowable.H2_SETTINGS,
					"sa", "", null);
		}

		@Override
		FileWrites serverFileWrites() throws SQLException {
			try (Connection connection = connect()) {
				return fileWrites(connection);
			}
		}

		@Override
		FileWrites bareFileWrites() throws SQLException {
			BareFlowable.Store store = bareFlowableConnection();
			try (Connection connection = DriverManager.getConnection(store.url(), store.user(), store.password())) {
				return fileWrites(connection);
			}
		}

		private static FileWrites fileWrites(Connection connection) throws SQLException {
			long writes = -1;
			long bytes = -1;
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT SETTING_NAME, SETTING_VALUE"
							+ " FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN"
							+ " ('info.FILE_WRITE', 'info.FILE_WRITE_BYTES')")) {
				while (rows.next()) {
					long value = Long.parseLong(rows.getString(2));
					if (rows.getString(1).equals("info.FILE_WRITE")) {
						writes = value;
					}
					else {
						bytes = value;
					}
				}
			}
			return new FileWrites(writes, bytes);
		}

		@Override
		String seedEventsSql() {
			return "INSERT INTO orchestration_events (event_type, entity_type, entity_code, correlation_id, "
					+ "session_key, payload, emitted_at) SELECT 'orchestration.session.activity', 'session', "
					+ "'seed-task-' || MOD(X, 1000), 'seed-' || X, 'seed-session-' || MOD(X, 10000), "
					+ "'{\"activity_type\": \"tool_call\", \"n\": ' || X || '}', CURRENT_TIMESTAMP "
					+ "FROM SYSTEM_RANGE(?, ?)";
		}

	}

	static final class Postgres extends BenchDatabase {

		final String schema = "pf_bench_" + Instant.now().getEpochSecond() + "_"
				+ Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));

		Postgres(Path dataDir) {
			super(dataDir);
			try (Connection connection = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE SCHEMA " + this.schema);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("PostgreSQL at " + PG_URL + " is not available: " + ex.getMessage(),
						ex);
			}
		}

		@Override
		String name() {
			return "postgres";
		}

		String url() {
			return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + this.schema;
		}

		@Override
		List<String> serverArgs() {
			return List.of(serverDataArgs(), "--spring.profiles.active=postgres", "--spring.datasource.url=" + url(),
					"--spring.datasource.username=" + PG_USER, "--spring.datasource.password=" + PG_PASSWORD,
					"--spring.flyway.schemas=" + this.schema, "--flowable.database-schema=" + this.schema);
		}

		@Override
		Connection connect() throws SQLException {
			return DriverManager.getConnection(url(), PG_USER, PG_PASSWORD);
		}

		@Override
		String seedEventsSql() {
			return "INSERT INTO orchestration_events (event_type, entity_type, entity_code, correlation_id, "
					+ "session_key, payload, emitted_at) SELECT 'orchestration.session.activity', 'session', "
					+ "'seed-task-' || (x % 1000), 'seed-' || x, 'seed-session-' || (x % 10000), "
					+ "('{\"activity_type\": \"tool_call\", \"n\": ' || x || '}')::jsonb, now() "
					+ "FROM generate_series(?::bigint, ?::bigint) AS x";
		}

		@Override
		BareFlowable.Store bareFlowableConnection() {
			return new BareFlowable.Store(url(), PG_USER, PG_PASSWORD, this.schema);
		}

		/**
		 * Waits until every backend has reported its statistics (an idle one reports
		 * within ten seconds), then sums the schema's written rows.
		 */
		@Override
		long rowsWritten() throws SQLException {
			BenchServer.sleep(11_000);
			try (Connection connection = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
					PreparedStatement query = connection.prepareStatement("SELECT COALESCE(SUM(n_tup_ins + n_tup_upd "
							+ "+ n_tup_del), 0) FROM pg_stat_user_tables WHERE schemaname = ?")) {
				query.setString(1, this.schema);
				try (ResultSet rows = query.executeQuery()) {
					rows.next();
					return rows.getLong(1);
				}
			}
		}

		@Override
		void drop() {
			try (Connection connection = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
					Statement statement = connection.createStatement()) {
				statement.execute("DROP SCHEMA IF EXISTS " + this.schema + " CASCADE");
			}
			catch (SQLException ex) {
				System.err.println("Could not drop schema " + this.schema + ": " + ex.getMessage());
			}
		}

	}

}
