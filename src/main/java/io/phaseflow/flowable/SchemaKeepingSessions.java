package io.phaseflow.flowable;

import java.sql.Connection;
import java.sql.SQLException;

import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.impl.db.DbSqlSession;
import org.flowable.common.engine.impl.db.DbSqlSessionFactory;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.common.engine.impl.interceptor.Session;

/**
 * Flowable's database sessions, without setting the engine's schema on a connection that
 * opens on it already.
 * <p>
 * With {@code flowable.database-schema} set, Flowable sets that schema on the connection
 * at the start of every command; on PostgreSQL that is a {@code SET SESSION search_path}
 * and, through HikariCP, a {@code select current_schema()}: two round trips per command,
 * three commands per phase transition. Phaseflow's own tables need the connections to
 * open on the same schema (the JDBC URL's {@code currentSchema}), so once a connection
 * shows that it does, no command sets it again. A connection that opens on another schema
 * makes every later command set it, as Flowable does; one whose schema does not exist yet
 * (an empty database) is set, and the next command looks again.
 */
class SchemaKeepingSessions extends DbSqlSessionFactory {

	private enum Connections {

		UNKNOWN, ON_SCHEMA, ELSEWHERE

	}

	private volatile Connections connections = Connections.UNKNOWN;

	SchemaKeepingSessions(boolean usePrefixId) {
		super(usePrefixId);
	}

	@Override
	public Session openSession(CommandContext commandContext) {
		String schema = getDatabaseSchema();
		if (schema == null || schema.isEmpty() || this.connections == Connections.ELSEWHERE
				|| (getDatabaseCatalog() != null && !getDatabaseCatalog().isEmpty())) {
			return super.openSession(commandContext);
		}
		DbSqlSession session = createDbSqlSession();
		Connection connection = session.getSqlSession().getConnection();
		if (connection == null) {
			throw new FlowableException("Invalid dbSqlSession: no active connection found");
		}
		if (this.connections == Connections.UNKNOWN) {
			try {
				String current = connection.getSchema();
				if (schema.equals(current)) {
					this.connections = Connections.ON_SCHEMA;
				}
				else {
					if (current != null) {
						this.connections = Connections.ELSEWHERE;
					}
					connection.setSchema(schema);
				}
			}
			catch (SQLException ex) {
				throw new FlowableException("Could not set database schema on connection", ex);
			}
		}
		return session;
	}

}
