package io.phaseflow.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SortedSet;
import java.util.stream.Stream;

import io.phaseflow.common.JsonDocuments;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Search on databases without PostgreSQL's full text search (H2): the scope's rows that
 * contain every word somewhere ({@code ILIKE}) are read and checked word by word in Java,
 * and ranked by {@link Rank}, PostgreSQL's {@code ts_rank} computed the same way. It
 * reads every candidate row, which suits the single-machine sizes H2 is for.
 */
class PortableTextIndex implements TextIndex {

	private final JdbcClient jdbc;

	private final JsonDocuments json;

	PortableTextIndex(JdbcClient jdbc, JsonDocuments json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public List<Found> search(SortedSet<String> terms, Scope scope, int limit) {
		PriorityQueue<Found> best = new PriorityQueue<>(Found.BEST_FIRST.reversed());
		for (Source source : Source.values()) {
			StringBuilder sql = new StringBuilder("SELECT ").append(source.columns())
				.append(" FROM ")
				.append(source.from)
				.append(" WHERE ")
				.append(scope.where(source));
			Map<String, Object> parameters = scope.parameters();
			int n = 0;
			for (String term : terms) {
				String name = "term" + n++;
				sql.append(" AND (")
					.append(String.join(" OR ",
							Stream.of(source.heading, source.text, source.json)
								.filter((column) -> !"NULL".equals(column))
								.map((column) -> column + " ILIKE :" + name)
								.toList()))
					.append(")");
				parameters.put(name, "%" + term + "%");
			}
			this.jdbc.sql(sql.toString()).params(parameters).query((rs) -> {
				Found candidate = Found.read(rs, this.json, 0);
				Float rank = Rank.of(candidate.text(), terms);
				if (rank != null) {
					best.add(new Found(candidate.kind(), candidate.rowId(), candidate.ref(), candidate.title(),
							candidate.text(), rank, candidate.createdAt()));
					if (best.size() > limit) {
						best.poll();
					}
				}
			});
		}
		List<Found> found = new ArrayList<>(best);
		found.sort(Found.BEST_FIRST);
		return found;
	}

}
