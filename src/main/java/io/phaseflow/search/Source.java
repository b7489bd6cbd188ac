package io.phaseflow.search;

import io.phaseflow.search.SearchHit.Kind;

/**
 * Where each kind of result is searched: its table and how its columns make a result and
 * a {@link SearchText}. PostgreSQL's generated {@code search_document} column is made
 * from the same heading, text and JSON document (migration V8).
 */
enum Source {

	EVENT(Kind.EVENT, "orchestration_events e", "e", "e.id", "CAST(e.id AS VARCHAR(20))", "e.event_type",
			"e.event_type", "NULL", "e.payload", "e.emitted_at"),

	ARTIFACT(Kind.ARTIFACT, "session_artifacts a JOIN work_sessions ws ON ws.id = a.session_id", "a", "a.id",
			"ws.session_key || '/' || a.name", "a.name", "a.name", "a.content", "NULL", "a.created_at"),

	TASK(Kind.TASK, "orchestration_tasks t", "t", "t.id", "t.task_code", "t.title", "t.task_code || ' ' || t.title",
			"t.description", "t.metadata", "t.created_at");

	final Kind kind;

	/** The table (with joins) the results come from. */
	final String from;

	/** The alias of the table that holds {@code search_document}. */
	final String alias;

	/** Heading, text and JSON document: what is searched. */
	final String heading;

	final String text;

	final String json;

	private final String columns;

	Source(Kind kind, String from, String alias, String rowId, String ref, String title, String heading, String text,
			String json, String createdAt) {
		this.kind = kind;
		this.from = from;
		this.alias = alias;
		this.heading = heading;
		this.text = text;
		this.json = json;
		this.columns = String.join(", ", "'" + kind.value() + "' AS kind", rowId + " AS row_id", ref + " AS ref",
				title + " AS title", heading + " AS heading", text + " AS body_text", json + " AS body_json",
				createdAt + " AS created_at");
	}

	/**
	 * The select list every query names: kind, row_id, ref, title, heading, body_text,
	 * body_json, created_at.
	 */
	String columns() {
		return this.columns;
	}

}
