package io.phaseflow.e2e;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives each PostgreSQL test context a schema of its own
 * ({@code pf_test_<epoch>_<random>}), and drops the schemas that earlier runs left behind
 * more than an hour ago.
 */
class FreshPostgresSchema implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final String PREFIX = "pf_test_";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String schema = PREFIX + Instant.now().getEpochSecond() + "_"
				+ Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
		try (Connection connection = PostgresAvailable.connect(); Statement statement = connection.createStatement()) {
			dropStale(statement);
			statement.execute("CREATE SCHEMA " + schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create schema " + schema + " at " + PostgresAvailable.URL, ex);
		}
		String separator = PostgresAvailable.URL.contains("?") ? "&" : "?";
		TestPropertyValues
			.of("spring.datasource.url=" + PostgresAvailable.URL + separator + "currentSchema=" + schema,
					"spring.datasource.username=" + PostgresAvailable.USER,
					"spring.datasource.password=" + PostgresAvailable.PASSWORD, "spring.flyway.schemas=" + schema,
					"flowable.database-schema=" + schema)
			.applyTo(context);
	}

	private static void dropStale(Statement statement) throws SQLException {
		long cutoff = Instant.now().minus(Duration.ofHours(1)).getEpochSecond();
		List<String> stale = new ArrayList<>();
		try (ResultSet schemas = statement
			.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE '" + PREFIX + "%'")) {
			while (schemas.next()) {
				String name = schemas.getString(1);
				String[] parts = name.substring(PREFIX.length()).split("_");
				if (parts[0].matches("\\d+") && Long.parseLong(parts[0]) < cutoff) {
					stale.add(name);
				}
			}
		}
		for (String name : stale) {
			statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
		}
	}

}
