package io.phaseflow.search;

import java.util.List;
import java.util.SortedSet;

/**
 * Finds the rows of a scope that contain every given word, best first.
 */
interface TextIndex {

	/**
	 * @param terms the lexemes every result contains, sorted by {@link Words#compare}
	 * @param scope the rows to look at
	 * @param limit the most results to return
	 */
	List<Found> search(SortedSet<String> terms, Scope scope, int limit);

}
