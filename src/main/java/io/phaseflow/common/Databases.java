package io.phaseflow.common;

import java.sql.DatabaseMetaData;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Which database Phaseflow runs on, for the few features that use what only PostgreSQL
 * has (full text search, transaction snapshots).
 */
public final class Databases {

	private Databases() {
	}

	/** Whether the data source is a PostgreSQL database. */
	public static boolean isPostgres(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			return product != null && product.toLowerCase(Locale.ROOT).contains("postgresql");
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Could not tell which database the data source is", ex);
		}
	}

}
