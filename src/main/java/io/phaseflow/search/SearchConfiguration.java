package io.phaseflow.search;

import javax.sql.DataSource;

import io.phaseflow.common.Databases;
import io.phaseflow.common.JsonDocuments;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's full text search where it is there, the portable index elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

	@Bean
	TextIndex textIndex(DataSource dataSource, JdbcClient jdbc, JsonDocuments json) {
		return Databases.isPostgres(dataSource) ? new PostgresTextIndex(jdbc, json) : new PortableTextIndex(jdbc, json);
	}

}
