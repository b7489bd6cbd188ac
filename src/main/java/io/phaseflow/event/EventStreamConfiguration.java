package io.phaseflow.event;

import javax.sql.DataSource;

import io.phaseflow.common.Databases;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stream's view of open transactions for the database it runs on.
 */
@Configuration(proxyBeanMethods = false)
class EventStreamConfiguration {

	@Bean
	OpenTransactions openTransactions(DataSource dataSource, JdbcClient jdbc) {
		return Databases.isPostgres(dataSource) ? new PostgresOpenTransactions(jdbc) : new H2OpenTransactions(jdbc);
	}

}
