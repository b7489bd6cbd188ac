package io.phaseflow.session.phase;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code session_artifacts} table: one current content per artifact name and session.
 */
@Repository
public class SessionArtifacts {

	/** The columns of {@link SessionArtifact} (not PostgreSQL's search_document). */
	private static final String COLUMNS = "SELECT phase, iteration, name, content, content_hash, created_at, updated_at"
			+ " FROM session_artifacts";

	private final JdbcClient jdbc;

	SessionArtifacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores an artifact's content, replacing an earlier one of the same name (callers
	 * hold the session's lock).
	 * @return whether the name was new to the session (else it replaced an artifact)
	 */
	public boolean put(long sessionId, String phase, int iteration, String name, String content, String hash,
			OffsetDateTime now) {
		int updated = this.jdbc
			.sql("""
					UPDATE session_artifacts SET phase = :phase, iteration = :iteration, content = CAST(:content AS text_document),
					    content_hash = :hash, updated_at = :now
					WHERE session_id = :sessionId AND name = :name
					""")
			.param("phase", phase)
			.param("iteration", iteration)
			.param("content", content)
			.param("hash", hash)
			.param("now", now)
			.param("sessionId", sessionId)
			.param("name", name)
			.update();
		if (updated > 0) {
			return false;
		}
		this.jdbc
			.sql("""
						INSERT INTO session_artifacts (session_id, phase, iteration, name, content, content_hash, created_at,
					    updated_at)
					VALUES (:sessionId, :phase, :iteration, :name, CAST(:content AS text_document), :hash, :now, :now)
						""")
			.param("sessionId", sessionId)
			.param("phase", phase)
			.param("iteration", iteration)
			.param("name", name)
			.param("content", content)
			.param("hash", hash)
			.param("now", now)
			.update();
		return true;
	}

	/** The names of the artifacts submitted in the given iteration. */
	public Set<String> namesIn(long sessionId, int iteration) {
		return new TreeSet<>(
				this.jdbc.sql("SELECT name FROM session_artifacts WHERE session_id = :id AND iteration = :iteration")
					.param("id", sessionId)
					.param("iteration", iteration)
					.query(String.class)
					.list());
	}

	public Set<String> names(long sessionId) {
		return new TreeSet<>(this.jdbc.sql("SELECT name FROM session_artifacts WHERE session_id = :id")
			.param("id", sessionId)
			.query(String.class)
			.list());
	}

	public Optional<SessionArtifact> find(long sessionId, String name) {
		return this.jdbc.sql(COLUMNS + " WHERE session_id = :id AND name = :name")
			.param("id", sessionId)
			.param("name", name)
			.query(SessionArtifacts::map)
			.optional();
	}

	public List<SessionArtifact> list(long sessionId) {
		return this.jdbc.sql(COLUMNS + " WHERE session_id = :id ORDER BY id")
			.param("id", sessionId)
			.query(SessionArtifacts::map)
			.list();
	}

	/**
	 * The session's artifacts without their content, the latest submitted first: what an
	 * agent that picks the session up has in hand.
	 */
	public List<Summary> summaries(long sessionId) {
		return this.jdbc.sql("""
				SELECT name, phase, iteration, OCTET_LENGTH(content) AS bytes, content_hash, updated_at
				FROM session_artifacts WHERE session_id = :id ORDER BY updated_at DESC, id DESC
				""")
			.param("id", sessionId)
			.query((rs, row) -> new Summary(rs.getString("name"), rs.getString("phase"), rs.getInt("iteration"),
					rs.getLong("bytes"), rs.getString("content_hash"),
					rs.getObject("updated_at", OffsetDateTime.class)))
			.list();
	}

	/**
	 * An artifact as an agent that picks the session up sees it: not its content, which
	 * it reads when it needs it.
	 *
	 * @param phase the phase it was last submitted in
	 * @param bytes the size of its content in UTF-8
	 */
	public record Summary(String name, String phase, int iteration, long bytes, String contentHash,
			OffsetDateTime updatedAt) {
	}

	/**
	 * Reads a row by its column names: Spring's mapper by constructor parameters would
	 * first ask for {@code contentHash}, {@code createdAt} and {@code updatedAt}, and H2
	 * answers every unknown column with an exception it also writes to its trace file.
	 */
	private static SessionArtifact map(ResultSet rs, int row) throws SQLException {
		return new SessionArtifact(rs.getString("phase"), rs.getInt("iteration"), rs.getString("name"),
				rs.getString("content"), rs.getString("content_hash"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class));
	}

}
