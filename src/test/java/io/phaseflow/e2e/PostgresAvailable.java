package io.phaseflow.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Enables PostgreSQL tests when the server at {@code PHASEFLOW_TEST_PG_URL} answers;
 * fails them when it does not and {@code PHASEFLOW_REQUIRE_PG=1}.
 */
class PostgresAvailable implements ExecutionCondition {

	static final String URL = env("PHASEFLOW_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");

	static final String USER = env("PHASEFLOW_TEST_PG_USER", "postgres");

	static final String PASSWORD = env("PHASEFLOW_TEST_PG_PASSWORD", "");

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		try (Connection connection = connect()) {
			return ConditionEvaluationResult.enabled("PostgreSQL answers at " + URL);
		}
		catch (SQLException ex) {
			if ("1".equals(System.getenv("PHASEFLOW_REQUIRE_PG"))) {
				throw new IllegalStateException(
						"PHASEFLOW_REQUIRE_PG=1 but PostgreSQL does not answer at " + URL + ": " + ex.getMessage(), ex);
			}
			return ConditionEvaluationResult.disabled("PostgreSQL does not answer at " + URL + "; skipped");
		}
	}

	static Connection connect() throws SQLException {
		DriverManager.setLoginTimeout(3);
		return DriverManager.getConnection(URL, USER, PASSWORD);
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
