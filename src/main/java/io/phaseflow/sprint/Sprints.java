package io.phaseflow.sprint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.phaseflow.common.JsonDocuments;
import io.phaseflow.common.PageQuery;
import io.phaseflow.common.WireValue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code orchestration_sprints} table.
 */
@Repository
public class Sprints {

	private final JdbcClient jdbc;

	private final JsonDocuments json;

	Sprints(JdbcClient jdbc, JsonDocuments json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	long insert(SprintDraft draft, String hash, OffsetDateTime now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("""
					INSERT INTO orchestration_sprints (sprint_code, title, status, owner, metadata, hash, created_at, updated_at)
					VALUES (:code, :title, :status, :owner, CAST(:metadata AS json_document), :hash, :now, :now)
					""")
			.param("code", draft.sprintCode())
			.param("title", draft.title())
			.param("status", draft.status().value())
			.param("owner", draft.owner())
			.param("metadata", this.json.write(draft.metadata()))
			.param("hash", hash)
			.param("now", now)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * Records where the sprint's SPRINT.md was written; not part of its content, so no
	 * new version. A path already recorded is not written again.
	 */
	public void filePathWritten(long id, String filePath) {
		this.jdbc.sql("""
				UPDATE orchestration_sprints SET file_path = :path
				WHERE id = :id AND (file_path IS NULL OR file_path <> :path)
				""").param("path", filePath).param("id", id).update();
	}

	void update(long id, SprintDraft draft, String hash, OffsetDateTime now) {
		this.jdbc.sql("""
				UPDATE orchestration_sprints SET title = :title, status = :status, owner = :owner,
				    metadata = CAST(:metadata AS json_document), hash = :hash, updated_at = :now
				WHERE id = :id
				""")
			.param("title", draft.title())
			.param("status", draft.status().value())
			.param("owner", draft.owner())
			.param("metadata", this.json.write(draft.metadata()))
			.param("hash", hash)
			.param("now", now)
			.param("id", id)
			.update();
	}

	public Optional<Sprint> findByCode(String code) {
		return this.jdbc.sql("SELECT * FROM orchestration_sprints WHERE sprint_code = :code")
			.param("code", code)
			.query(this::map)
			.optional();
	}

	public Optional<Sprint> findById(long id) {
		return this.jdbc.sql("SELECT * FROM orchestration_sprints WHERE id = :id")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/** Reads the sprint and locks its row until the transaction ends. */
	Optional<Sprint> lockByCode(String code) {
		return this.jdbc.sql("SELECT * FROM orchestration_sprints WHERE sprint_code = :code FOR UPDATE")
			.param("code", code)
			.query(this::map)
			.optional();
	}

	/** Every sprint, or every sprint with the status, in id order. */
	List<Sprint> findAll(SprintStatus status) {
		return select(status, " ORDER BY id", Map.of());
	}

	/**
	 * A page of the sprints with the status (any when null), and one more if another page
	 * follows.
	 */
	List<Sprint> find(SprintStatus status, PageQuery page) {
		return select(status, page.sql("id"), page.params());
	}

	private List<Sprint> select(SprintStatus status, String end, Map<String, Object> endParams) {
		Map<String, Object> params = new LinkedHashMap<>(endParams);
		String where = " WHERE 1 = 1";
		if (status != null) {
			where = " WHERE status = :status";
			params.put("status", status.value());
		}
		return this.jdbc.sql("SELECT * FROM orchestration_sprints" + where + end)
			.params(params)
			.query(this::map)
			.list();
	}

	private Sprint map(ResultSet rs, int row) throws SQLException {
		return new Sprint(rs.getLong("id"), rs.getString("sprint_code"), rs.getString("title"),
				WireValue.parse(SprintStatus.class, rs.getString("status")), rs.getString("owner"),
				this.json.readObject(rs.getString("metadata")), rs.getString("hash"), rs.getString("file_path"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
	}

}
