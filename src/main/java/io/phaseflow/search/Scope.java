package io.phaseflow.search;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A search scope resolved to the rows it covers: which events, artifacts and tasks a
 * search looks at, as SQL conditions on the columns {@link Source} names.
 *
 * @param scope the kind of scope
 * @param code the session key, task code or sprint code (null for the project)
 * @param id the session's, task's or sprint's id (0 for the project)
 * @param taskId the session's task (session scope only; null for other scopes)
 */
record Scope(SearchScope scope, String code, long id, Long taskId) {

	static final Scope PROJECT = new Scope(SearchScope.PROJECT, null, 0, null);

	/** The condition on the source's rows. */
	String where(Source source) {
		return switch (this.scope) {
			case PROJECT -> "1 = 1";
			case SESSION -> switch (source) {
				case EVENT -> "e.session_key = :scopeCode";
				case ARTIFACT -> "a.session_id = :scopeId";
				case TASK -> (this.taskId != null) ? "t.id = :scopeTaskId" : "1 = 0";
			};
			case TASK -> switch (source) {
				case EVENT -> "((e.entity_type = 'task' AND e.entity_code = :scopeCode)"
						+ " OR e.session_key IN (SELECT session_key FROM work_sessions WHERE task_id = :scopeId))";
				case ARTIFACT -> "ws.task_id = :scopeId";
				case TASK -> "t.id = :scopeId";
			};
			case SPRINT -> switch (source) {
				case EVENT -> "((e.entity_type = 'sprint' AND e.entity_code = :scopeCode)"
						+ " OR (e.entity_type = 'task' AND e.entity_code IN"
						+ " (SELECT task_code FROM orchestration_tasks WHERE sprint_id = :scopeId))"
						+ " OR e.session_key IN (SELECT sws.session_key FROM work_sessions sws"
						+ " JOIN orchestration_tasks st ON st.id = sws.task_id WHERE st.sprint_id = :scopeId))";
				case ARTIFACT -> "ws.task_id IN (SELECT id FROM orchestration_tasks WHERE sprint_id = :scopeId)";
				case TASK -> "t.sprint_id = :scopeId";
			};
		};
	}

	/** The parameters the conditions name. */
	Map<String, Object> parameters() {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("scopeCode", this.code);
		parameters.put("scopeId", this.id);
		parameters.put("scopeTaskId", this.taskId);
		return parameters;
	}

}
