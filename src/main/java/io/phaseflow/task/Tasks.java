package io.phaseflow.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
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
 * The {@code orchestration_tasks} table, read together with each task's sprint code.
 */
@Repository
public class Tasks {

	private static final String SELECT = """
			SELECT t.id, t.task_code, t.sprint_id, t.title, t.description, t.category, t.status, t.priority,
			    t.estimate_minutes, t.metadata, t.agent_config, t.hash, t.file_path, t.created_at, t.updated_at,
			    t.completed_at, s.sprint_code
			FROM orchestration_tasks t
			LEFT JOIN orchestration_sprints s ON s.id = t.sprint_id
			""";

	private final JdbcClient jdbc;

	private final JsonDocuments json;

	Tasks(JdbcClient jdbc, JsonDocuments json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	long insert(TaskContent task, Long sprintId, String hash, OffsetDateTime now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("""
					INSERT INTO orchestration_tasks (task_code, sprint_id, title, description, category, status, priority,
					    estimate_minutes, metadata, agent_config, hash, created_at, updated_at, completed_at)
					VALUES (:code, :sprintId, :title, :description, :category, :status, :priority, :estimate,
					    CAST(:metadata AS json_document), CAST(:agentConfig AS json_document), :hash, :now, :now, :completedAt)
					""")
			.params(columns(task, sprintId, hash, now, (task.status() == TaskStatus.COMPLETED) ? now : null))
			.param("code", task.taskCode())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * Records where the task's TASK.md was written; not part of its content, so no new
	 * version. A path already recorded is not written again.
	 */
	public void filePathWritten(long id, String filePath) {
		this.jdbc.sql("""
				UPDATE orchestration_tasks SET file_path = :path
				WHERE id = :id AND (file_path IS NULL OR file_path <> :path)
				""").param("path", filePath).param("id", id).update();
	}

	void update(long id, TaskContent task, Long sprintId, String hash, OffsetDateTime now, OffsetDateTime completedAt) {
		this.jdbc.sql("""
				UPDATE orchestration_tasks SET sprint_id = :sprintId, title = :title, description = :description,
				    category = :category, status = :status, priority = :priority, estimate_minutes = :estimate,
				    metadata = CAST(:metadata AS json_document), agent_config = CAST(:agentConfig AS json_document),
				    hash = :hash, updated_at = :now, completed_at = :completedAt
				WHERE id = :id
				""").params(columns(task, sprintId, hash, now, completedAt)).param("id", id).update();
	}

	private Map<String, Object> columns(TaskContent task, Long sprintId, String hash, OffsetDateTime now,
			OffsetDateTime completedAt) {
		Map<String, Object> columns = new LinkedHashMap<>();
		columns.put("sprintId", sprintId);
		columns.put("title", task.title());
		columns.put("description", task.description());
		columns.put("category", task.category());
		columns.put("status", task.status().value());
		columns.put("priority", task.priority().name());
		columns.put("estimate", task.estimateMinutes());
		columns.put("metadata", this.json.write(task.metadata()));
		columns.put("agentConfig", this.json.write(task.agentConfig()));
		columns.put("hash", hash);
		columns.put("now", now);
		columns.put("completedAt", completedAt);
		return columns;
	}

	public Optional<Task> findByCode(String code) {
		return this.jdbc.sql(SELECT + " WHERE t.task_code = :code").param("code", code).query(this::map).optional();
	}

	Optional<Task> findById(long id) {
		return this.jdbc.sql(SELECT + " WHERE t.id = :id").param("id", id).query(this::map).optional();
	}

	/** Locks the task's row until the transaction ends and returns its id. */
	public Optional<Long> lockByCode(String code) {
		return this.jdbc.sql("SELECT id FROM orchestration_tasks WHERE task_code = :code FOR UPDATE")
			.param("code", code)
			.query(Long.class)
			.optional();
	}

	/** Every task the filter matches, in id order. */
	public List<Task> find(TaskFilter filter) {
		return select(filter, " ORDER BY t.id", Map.of());
	}

	/**
	 * A page of the tasks the filter matches, and one more if another page follows.
	 */
	public List<Task> find(TaskFilter filter, PageQuery page) {
		return select(filter, page.sql("t.id"), page.params());
	}

	private List<Task> select(TaskFilter filter, String end, Map<String, Object> endParams) {
		StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>(endParams);
		if (filter.sprintCode() != null) {
			sql.append(" AND s.sprint_code = :sprintCode");
			params.put("sprintCode", filter.sprintCode());
		}
		if (filter.status() != null) {
			sql.append(" AND t.status = :status");
			params.put("status", filter.status().value());
		}
		if (filter.priority() != null) {
			sql.append(" AND t.priority = :priority");
			params.put("priority", filter.priority().name());
		}
		sql.append(end);
		return this.jdbc.sql(sql.toString()).params(params).query(this::map).list();
	}

	/** The lines of a sprint's tasks, in id order. */
	public List<TaskLine> linesOfSprint(String sprintCode) {
		return this.jdbc.sql("""
				SELECT t.task_code, t.title, t.status, t.priority, t.estimate_minutes
				FROM orchestration_tasks t
				JOIN orchestration_sprints s ON s.id = t.sprint_id
				WHERE s.sprint_code = :sprintCode
				ORDER BY t.id
				""").param("sprintCode", sprintCode).query(Tasks::line).list();
	}

	private static TaskLine line(ResultSet rs, int row) throws SQLException {
		return new TaskLine(rs.getString("task_code"), rs.getString("title"),
				WireValue.parse(TaskStatus.class, rs.getString("status")), Priority.valueOf(rs.getString("priority")),
				rs.getObject("estimate_minutes", Integer.class));
	}

	/**
	 * The lines of the tasks with these codes, in id order; unknown codes are left out.
	 */
	public List<TaskLine> lines(Collection<String> codes) {
		if (codes.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT t.task_code, t.title, t.status, t.priority, t.estimate_minutes
				FROM orchestration_tasks t
				WHERE t.task_code IN (:codes)
				ORDER BY t.id
				""").param("codes", codes).query(Tasks::line).list();
	}

	/**
	 * Every task that depends on others, with the codes it depends on; with a
	 * {@code code}, only those whose metadata mentions it. One query: the metadata's text
	 * narrows the rows (portably, on H2's text and PostgreSQL's jsonb alike), the
	 * metadata itself decides.
	 */
	Map<String, List<String>> dependencies(String code) {
		StringBuilder sql = new StringBuilder("""
				SELECT task_code, metadata FROM orchestration_tasks
				WHERE CAST(metadata AS VARCHAR) LIKE :key
				""");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("key", "%\"" + TaskLinks.DEPENDS_ON + "\"%");
		if (code != null) {
			sql.append(" AND CAST(metadata AS VARCHAR) LIKE :code");
			params.put("code", "%\"" + code + "\"%");
		}
		Map<String, List<String>> dependencies = new LinkedHashMap<>();
		this.jdbc.sql(sql.append(" ORDER BY id").toString()).params(params).query((rs) -> {
			List<String> dependsOn = TaskLinks.dependsOn(this.json.readObject(rs.getString("metadata")));
			if (!dependsOn.isEmpty()) {
				dependencies.put(rs.getString("task_code"), dependsOn);
			}
		});
		return dependencies;
	}

	private Task map(ResultSet rs, int row) throws SQLException {
		return new Task(rs.getLong("id"), rs.getString("task_code"), rs.getObject("sprint_id", Long.class),
				rs.getString("sprint_code"), rs.getString("title"), rs.getString("description"),
				rs.getString("category"), WireValue.parse(TaskStatus.class, rs.getString("status")),
				Priority.valueOf(rs.getString("priority")), rs.getObject("estimate_minutes", Integer.class),
				this.json.readObject(rs.getString("metadata")), this.json.readObject(rs.getString("agent_config")),
				rs.getString("hash"), rs.getString("file_path"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class), rs.getObject("completed_at", OffsetDateTime.class));
	}

}
