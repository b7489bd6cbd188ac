package io.phaseflow.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Comparator;

import io.phaseflow.common.JsonDocuments;
import io.phaseflow.common.WireValue;
import io.phaseflow.search.SearchHit.Kind;

/**
 * A row a text index found, with its rank.
 */
record Found(Kind kind, long rowId, String ref, String title, SearchText text, float score, OffsetDateTime createdAt) {

	/**
	 * Best first: by rank, then newest, then kind and row (the order PostgreSQL's query
	 * sorts in).
	 */
	static final Comparator<Found> BEST_FIRST = Comparator.comparing(Found::score, Comparator.reverseOrder())
		.thenComparing((Found found) -> found.createdAt().toInstant(), Comparator.reverseOrder())
		.thenComparing((Found found) -> found.kind().value())
		.thenComparing(Found::rowId, Comparator.reverseOrder());

	/** Reads a row of {@link Source#columns()}, with the given rank. */
	static Found read(ResultSet rs, JsonDocuments json, float score) throws SQLException {
		String document = rs.getString("body_json");
		SearchText text = SearchText.of(rs.getString("heading"), rs.getString("body_text"),
				(document != null) ? json.read(document) : null);
		return new Found(WireValue.parse(Kind.class, rs.getString("kind")), rs.getLong("row_id"), rs.getString("ref"),
				rs.getString("title"), text, score, rs.getObject("created_at", OffsetDateTime.class));
	}

}
