package io.phaseflow.flowable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.apache.ibatis.session.SqlSession;
import org.flowable.common.engine.impl.db.DbSqlSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * When a Flowable command sets the engine's schema on its connection: only until the
 * connections show that they open on it.
 */
class SchemaKeepingSessionsTest {

	@Test
	void connectionsOnTheSchemaAreLeftAsTheyAreFromTheFirstCommandOn() throws SQLException {
		Connection first = connection("phaseflow");
		Connection second = connection("phaseflow");
		Sessions sessions = new Sessions("phaseflow", first, second);
		sessions.openSession(null);
		sessions.openSession(null);
		verify(first, never()).setSchema(anyString());
		verify(second, never()).setSchema(anyString());
		// the first command looked, the second trusted what it saw
		verify(first).getSchema();
		verify(second, never()).getSchema();
	}

	@Test
	void connectionsOnAnotherSchemaGetTheEngineSchemaInEveryCommand() throws SQLException {
		Connection first = connection("public");
		Connection second = connection("public");
		Sessions sessions = new Sessions("phaseflow", first, second);
		sessions.openSession(null);
		sessions.openSession(null);
		verify(first).setSchema("phaseflow");
		verify(second).setSchema("phaseflow");
	}

	@Test
	void aSchemaThatDoesNotExistYetIsSetAndLookedAtAgainNextTime() throws SQLException {
		Connection empty = connection(null);
		Connection created = connection("phaseflow");
		Connection later = connection("phaseflow");
		Sessions sessions = new Sessions("phaseflow", empty, created, later);
		sessions.openSession(null);
		sessions.openSession(null);
		sessions.openSession(null);
		verify(empty).setSchema("phaseflow");
		verify(created).getSchema();
		verify(created, never()).setSchema(anyString());
		verify(later, never()).getSchema();
		verify(later, never()).setSchema(anyString());
	}

	@Test
	void withoutASchemaNothingIsAskedOrSet() throws SQLException {
		Connection connection = connection("public");
		Sessions sessions = new Sessions(null, connection);
		sessions.openSession(null);
		verify(connection, never()).getSchema();
		verify(connection, never()).setSchema(anyString());
	}

	@Test
	void aCommandWithoutAConnectionFails() {
		Sessions sessions = new Sessions("phaseflow");
		assertThatThrownBy(() -> sessions.openSession(null)).hasMessageContaining("no active connection");
		assertThat(sessions.opened).isEqualTo(1);
	}

	private static Connection connection(String schema) throws SQLException {
		Connection connection = mock(Connection.class);
		when(connection.getSchema()).thenReturn(schema);
		return connection;
	}

	/**
	 * The factory with sessions on the given connections, one per command (none left: a
	 * session without a connection).
	 */
	private static final class Sessions extends SchemaKeepingSessions {

		private final Deque<Connection> connections = new ArrayDeque<>();

		private int opened;

		Sessions(String schema, Connection... connections) {
			super(false);
			setDatabaseSchema(schema);
			this.connections.addAll(List.of(connections));
		}

		@Override
		protected DbSqlSession createDbSqlSession() {
			this.opened++;
			SqlSession sql = mock(SqlSession.class);
			when(sql.getConnection()).thenReturn(this.connections.poll());
			DbSqlSession session = mock(DbSqlSession.class);
			when(session.getSqlSession()).thenReturn(sql);
			return session;
		}

	}

}
