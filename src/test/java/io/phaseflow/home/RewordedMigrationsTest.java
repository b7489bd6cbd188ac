package io.phaseflow.home;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database migrated before a migration's comments were reworded still starts: its
 * recorded checksum of the old wording is taken for the new one, and nothing else is.
 */
class RewordedMigrationsTest {

	private final String url = "jdbc:h2:mem:reworded-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	@Test
	void eachRewordingNamesTheChecksumOfTheFileAsItIs() {
		Flyway flyway = flyway(false);
		for (RewordedMigrations.Reworded reworded : RewordedMigrations.REWORDED) {
			assertThat(flyway.info().all())
				.filteredOn((migration) -> migration.getVersion().getVersion().equals(reworded.version()))
				.extracting(MigrationInfo::getChecksum)
				.containsExactly(reworded.after());
		}
	}

	@Test
	void aDatabaseMigratedWithTheOldWordingValidatesAndNoOtherChangeDoes() throws SQLException {
		flyway(true).migrate();
		RewordedMigrations.Reworded v4 = RewordedMigrations.REWORDED.get(0);
		setChecksum(v4.before());
		assertThatThrownBy(() -> flyway(false).validate()).as("without the callback, the old checksum fails")
			.isInstanceOf(FlywayException.class);
		flyway(true).validate();
		assertThat(checksum()).isEqualTo(v4.after());

		setChecksum(v4.before() + 1);
		assertThatThrownBy(() -> flyway(true).validate()).as("any other checksum still fails")
			.isInstanceOf(FlywayException.class);
	}

	private Flyway flyway(boolean reworded) {
		var configuration = Flyway.configure()
			.dataSource(this.url, "sa", "")
			.locations("classpath:db/migration/common", "classpath:db/migration/h2");
		if (reworded) {
			configuration.callbacks(new RewordedMigrations());
		}
		return configuration.load();
	}

	private void setChecksum(int checksum) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.url, "sa", "")) {
			connection.createStatement()
				.executeUpdate(
						"UPDATE \"flyway_schema_history\" SET \"checksum\" = " + checksum + " WHERE \"version\" = '4'");
		}
	}

	private int checksum() throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.url, "sa", "");
				var rows = connection.createStatement()
					.executeQuery("SELECT \"checksum\" FROM \"flyway_schema_history\" WHERE \"version\" = '4'")) {
			rows.next();
			return rows.getInt(1);
		}
	}

}
