package io.phaseflow.memory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.phaseflow.common.WireValue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code session_notes} table: a session's updates and notes, oldest first.
 */
@Repository
public class SessionNotes {

	private final JdbcClient jdbc;

	SessionNotes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	SessionNote insert(long sessionId, NoteKind kind, String text, String phase, String actor, OffsetDateTime now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO session_notes (session_id, kind, content, phase, actor, created_at)
				VALUES (:sessionId, :kind, CAST(:content AS text_document), :phase, :actor, :now)
				""")
			.param("sessionId", sessionId)
			.param("kind", kind.value())
			.param("content", text)
			.param("phase", phase)
			.param("actor", actor)
			.param("now", now)
			.update(keys, "id");
		return new SessionNote(keys.getKeyAs(Number.class).longValue(), kind, text, actor, now);
	}

	List<SessionNote> list(long sessionId) {
		return this.jdbc.sql("SELECT * FROM session_notes WHERE session_id = :sessionId ORDER BY id")
			.param("sessionId", sessionId)
			.query(SessionNotes::map)
			.list();
	}

	/** The latest {@code limit} notes of the session, oldest first. */
	public List<SessionNote> latest(long sessionId, int limit) {
		List<SessionNote> notes = new ArrayList<>(this.jdbc.sql(
				"SELECT * FROM session_notes WHERE session_id = :sessionId ORDER BY id DESC FETCH FIRST :limit ROWS ONLY")
			.param("sessionId", sessionId)
			.param("limit", limit)
			.query(SessionNotes::map)
			.list());
		Collections.reverse(notes);
		return notes;
	}

	public int count(long sessionId, NoteKind kind) {
		return this.jdbc.sql("SELECT COUNT(*) FROM session_notes WHERE session_id = :sessionId AND kind = :kind")
			.param("sessionId", sessionId)
			.param("kind", kind.value())
			.query(Integer.class)
			.single();
	}

	private static SessionNote map(ResultSet rs, int row) throws SQLException {
		return new SessionNote(rs.getLong("id"), WireValue.parse(NoteKind.class, rs.getString("kind")),
				rs.getString("content"), rs.getString("actor"), rs.getObject("created_at", OffsetDateTime.class));
	}

}
