package io.phaseflow.search;

import java.util.List;

import io.phaseflow.session.Instructions;

/**
 * The answer to a context search.
 *
 * @param query the query as given
 * @param words the words searched for: every result contains all of them
 * @param scope the scope searched
 * @param code the session key, task code or sprint code of the scope (null for the
 * project)
 * @param results best first
 * @param instructions what to do with the results
 */
public record SearchAnswer(String query, List<String> words, SearchScope scope, String code, List<SearchHit> results,
		Instructions instructions) {
}
