package io.phaseflow.search;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.stream.Collectors;

import io.phaseflow.common.JsonDocuments;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's full text search over the generated {@code search_document} columns
 * (migration V8): {@code @@} with the GIN indexes, ranked by {@code ts_rank}.
 */
class PostgresTextIndex implements TextIndex {

	private final JdbcClient jdbc;

	private final JsonDocuments json;

	PostgresTextIndex(JdbcClient jdbc, JsonDocuments json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public List<Found> search(SortedSet<String> terms, Scope scope, int limit) {
		String union = Arrays.stream(Source.values())
			.map((source) -> "SELECT " + source.columns() + ", ts_rank(" + source.alias
					+ ".search_document, query) AS score" + " FROM " + source.from
					+ " CROSS JOIN plainto_tsquery('pg_catalog.simple', :words) AS query" + " WHERE " + source.alias
					+ ".search_document @@ query AND " + scope.where(source))
			.collect(Collectors.joining(" UNION ALL "));
		Map<String, Object> parameters = scope.parameters();
		parameters.put("words", String.join(" ", terms));
		parameters.put("limit", limit);
		return this.jdbc
			.sql("SELECT * FROM (" + union + ") found"
					+ " ORDER BY score DESC, created_at DESC, kind, row_id DESC LIMIT :limit")
			.params(parameters)
			.query((rs, row) -> Found.read(rs, this.json, rs.getFloat("score")))
			.list();
	}

}
