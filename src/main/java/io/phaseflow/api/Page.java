package io.phaseflow.api;

import java.util.List;
import java.util.function.ToLongFunction;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.phaseflow.common.PageQuery;

/**
 * A list answer: {@code {"data": [...]}}; a paged list adds {@code next_after_id}, the
 * {@code after_id} of the next page, while another page follows.
 */
public record Page<T>(List<T> data, @JsonInclude(JsonInclude.Include.NON_NULL) Long nextAfterId) {

	/** A list answered whole. */
	public Page(List<T> data) {
		this(data, null);
	}

	/**
	 * The page of rows read for a query: a row beyond the query's limit is not answered
	 * but says that another page follows.
	 * @param rows the rows read, in id order, at most one more than the query's limit
	 * @param query the page asked for
	 * @param id the id of a row
	 */
	public static <T> Page<T> of(List<T> rows, PageQuery query, ToLongFunction<T> id) {
		if (rows.size() <= query.limit()) {
			return new Page<>(rows);
		}
		List<T> data = List.copyOf(rows.subList(0, query.limit()));
		return new Page<>(data, id.applyAsLong(data.get(data.size() - 1)));
	}

}
