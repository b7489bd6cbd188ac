package io.phaseflow.common;

import java.util.Map;

/**
 * One page of a list read in id order: the rows whose id is above {@code afterId}, at
 * most {@code limit} of them.
 */
public record PageQuery(long afterId, int limit) {

	/** How many rows a page has when the caller does not say. */
	public static final String DEFAULT_LIMIT = "100";

	/** The most rows a page can have. */
	public static final int MAX_LIMIT = 1000;

	/**
	 * The end of a query whose {@code WHERE} clause came before: the condition on the id,
	 * the order and the limit. It reads one row more than the page holds, so that the
	 * caller knows whether another page follows.
	 * @param idColumn the id column, as the query names it
	 */
	public String sql(String idColumn) {
		return " AND " + idColumn + " > :afterId ORDER BY " + idColumn + " FETCH FIRST :rows ROWS ONLY";
	}

	/** The parameters {@link #sql(String)} names. */
	public Map<String, Object> params() {
		return Map.of("afterId", this.afterId, "rows", this.limit + 1);
	}

}
