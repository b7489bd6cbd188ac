package io.phaseflow.home;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;

import org.springframework.stereotype.Component;

/**
 * Migrations whose comments were reworded after they ran: before Flyway validates a
 * database, the recorded checksum of the old wording becomes the new one's, so that a
 * database migrated by an earlier build starts as one migrated now. Only the exact old
 * checksum is replaced; any other difference still fails validation, as it should.
 */
@Component
class RewordedMigrations implements Callback {

	/**
	 * A migration's version, its checksum as first released and as now.
	 *
	 * @param version the migration's version
	 * @param before the checksum of the old wording
	 * @param after the checksum of the file as it is
	 */
	record Reworded(String version, int before, int after) {
	}

	/** V4's first comment cited a document outside the repository. */
	static final List<Reworded> REWORDED = List.of(new Reworded("4", -1225689233, -100156453));

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.BEFORE_VALIDATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		Configuration configuration = context.getConfiguration();
		try {
			Connection connection = context.getConnection();
			String schema = (configuration.getDefaultSchema() != null) ? configuration.getDefaultSchema()
					: (configuration.getSchemas().length > 0) ? configuration.getSchemas()[0] : connection.getSchema();
			try (ResultSet history = connection.getMetaData()
				.getTables(null, schema, configuration.getTable(), new String[] { "TABLE" })) {
				if (!history.next()) {
					return; // a new database: nothing ran yet
				}
			}
			for (Reworded reworded : REWORDED) {
				try (PreparedStatement update = connection
					.prepareStatement("UPDATE \"" + schema + "\".\"" + configuration.getTable()
							+ "\" SET \"checksum\" = ? WHERE \"version\" = ? AND \"checksum\" = ?")) {
					update.setInt(1, reworded.after());
					update.setString(2, reworded.version());
					update.setInt(3, reworded.before());
					update.executeUpdate();
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not record the reworded migrations' checksums", ex);
		}
	}

	@Override
	public String getCallbackName() {
		return "reworded-migrations";
	}

}
