package io.phaseflow.search;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import io.phaseflow.common.Clocks;
import io.phaseflow.common.Codes;
import io.phaseflow.common.EntityNotFound;
import io.phaseflow.common.FieldError;
import io.phaseflow.common.InvalidParameter;
import io.phaseflow.common.RuleBroken;
import io.phaseflow.common.WireValue;
import io.phaseflow.session.Instructions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches the events, session artifacts and task text of a scope for every word of a
 * query, and ranks what it finds. A word is a run of letters and digits; case does not
 * matter, words are not stemmed, and punctuation and operators in the query are not
 * syntax, only separators.
 */
@Service
public class ContextSearch {

	/** The most results one search returns. */
	public static final int MAX_LIMIT = 100;

	static final int MAX_QUERY_LENGTH = 500;

	static final int MAX_WORDS = 16;

	private static final int SUGGESTED = 3;

	private final JdbcClient jdbc;

	private final TextIndex index;

	private final Clock clock;

	ContextSearch(JdbcClient jdbc, TextIndex index, Clock clock) {
		this.jdbc = jdbc;
		this.index = index;
		this.clock = clock;
	}

	/**
	 * Searches the scope.
	 * @param query the words to find (all of them)
	 * @param scope {@code session}, {@code task}, {@code sprint} or {@code project}
	 * @param code the session key, task code or sprint code; none for the project
	 * @param limit the most results to return, 1 to {@link #MAX_LIMIT}
	 * @throws RuleBroken (422) for a query without words, an unknown scope or a missing
	 * code
	 * @throws InvalidParameter (400) for a code that cannot be one
	 * @throws EntityNotFound (404) when no session, task or sprint has the code
	 */
	@Transactional(readOnly = true)
	public SearchAnswer search(String query, String scope, String code, int limit) {
		List<FieldError> errors = new ArrayList<>();
		SortedSet<String> terms = terms(query, errors);
		SearchScope kind = scope(scope, errors);
		if (kind != null && kind != SearchScope.PROJECT && (code == null || code.isBlank())) {
			errors.add(new FieldError("code", "is required for scope " + kind.value()));
		}
		if (kind == SearchScope.PROJECT && code != null && !code.isBlank()) {
			errors.add(new FieldError("code", "must not be given for scope project"));
		}
		if (!errors.isEmpty()) {
			throw new RuleBroken("The search cannot be run: " + errors.get(0).field() + " " + errors.get(0).message(),
					errors);
		}
		Resolved resolved = resolve(kind, code);
		List<SearchHit> results = this.index.search(terms, resolved.scope(), limit)
			.stream()
			.map((found) -> new SearchHit(found.kind(), found.ref(), found.title(), Snippets.of(found.text(), terms),
					found.score(), found.createdAt()))
			.toList();
		return new SearchAnswer(query, List.copyOf(terms), kind, resolved.scope().code(), results,
				instructions(results, resolved));
	}

	private static SortedSet<String> terms(String query, List<FieldError> errors) {
		SortedSet<String> terms = new TreeSet<>(Words::compare);
		if (query == null || query.isBlank()) {
			errors.add(new FieldError("q", "is required"));
			return terms;
		}
		if (query.length() > MAX_QUERY_LENGTH) {
			errors.add(new FieldError("q", "must be at most " + MAX_QUERY_LENGTH + " characters"));
			return terms;
		}
		terms.addAll(Words.lexemes(query));
		if (terms.isEmpty()) {
			errors.add(new FieldError("q", "must contain a word (letters or digits)"));
		}
		else if (terms.size() > MAX_WORDS) {
			errors.add(new FieldError("q", "must contain at most " + MAX_WORDS + " different words"));
		}
		return terms;
	}

	private static SearchScope scope(String scope, List<FieldError> errors) {
		if (scope == null || scope.isBlank()) {
			return SearchScope.PROJECT;
		}
		try {
			return WireValue.parse(SearchScope.class, scope);
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError("scope", "must be one of: " + WireValue.allOf(SearchScope.class)));
			return null;
		}
	}

	private Resolved resolve(SearchScope kind, String code) {
		return switch (kind) {
			case PROJECT -> new Resolved(Scope.PROJECT, null);
			case SESSION -> resolveSession(Codes.normalize("code", code));
			case TASK -> resolveCode(kind, "task", "SELECT id FROM orchestration_tasks WHERE task_code = :code", code);
			case SPRINT ->
				resolveCode(kind, "sprint", "SELECT id FROM orchestration_sprints WHERE sprint_code = :code", code);
		};
	}

	private Resolved resolveSession(String key) {
		return this.jdbc.sql("""
				SELECT s.id, s.task_id, t.task_code, s.current_phase, s.started_at
				FROM work_sessions s LEFT JOIN orchestration_tasks t ON t.id = s.task_id WHERE s.session_key = :key
				""")
			.param("key", key)
			.query((rs, row) -> new Resolved(
					new Scope(SearchScope.SESSION, key, rs.getLong("id"), rs.getObject("task_id", Long.class)),
					Instructions.Reminder.of(rs.getString("task_code"), rs.getString("current_phase"),
							rs.getObject("started_at", OffsetDateTime.class), Clocks.now(this.clock))))
			.optional()
			.orElseThrow(() -> new EntityNotFound("session", key));
	}

	private Resolved resolveCode(SearchScope kind, String entity, String sql, String code) {
		String normalized = Codes.normalize("code", code);
		long id = this.jdbc.sql(sql)
			.param("code", normalized)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new EntityNotFound(entity, normalized));
		return new Resolved(new Scope(kind, normalized, id, null), null);
	}

	private static Instructions instructions(List<SearchHit> results, Resolved resolved) {
		List<String> next = new ArrayList<>();
		if (results.isEmpty()) {
			next.add("Nothing in this scope contains every word: search with fewer or other words,"
					+ " or in a wider scope (session, task, sprint, project)");
		}
		else {
			next.add("Read a result in full with its suggested command");
			next.add("Narrow the search with scope=session|task|sprint and code, or widen it with scope=project");
		}
		List<String> commands = results.stream().limit(SUGGESTED).map(ContextSearch::command).toList();
		return new Instructions(next, commands, List.of(), resolved.reminder(), null);
	}

	private static String command(SearchHit hit) {
		String api = "GET /api/orchestration";
		return switch (hit.kind()) {
			case EVENT -> api + "/events?after_id=" + (Long.parseLong(hit.ref()) - 1) + "&limit=1";
			case ARTIFACT -> api + "/sessions/" + hit.ref().replaceFirst("/", "/artifacts/");
			case TASK -> api + "/tasks/" + hit.ref();
		};
	}

	/** A scope with where its session stands (session scope only). */
	private record Resolved(Scope scope, Instructions.Reminder reminder) {
	}

}
