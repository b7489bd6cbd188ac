package io.phaseflow.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.phaseflow.common.JsonDocuments;
import io.phaseflow.common.WireValue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code work_sessions} table, read with each session's task code.
 */
@Repository
public class WorkSessions {

	private static final String SELECT = """
			SELECT s.*, t.task_code FROM work_sessions s LEFT JOIN orchestration_tasks t ON t.id = s.task_id
			""";

	private final JdbcClient jdbc;

	private final JsonDocuments json;

	WorkSessions(JdbcClient jdbc, JsonDocuments json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	long insert(String sessionKey, Long taskId, Long agentId, String correlationId, OffsetDateTime now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("""
					INSERT INTO work_sessions (session_key, task_id, agent_id, correlation_id, status, current_iteration,
					    total_iterations, phase_history, started_at, updated_at)
					VALUES (:key, :taskId, :agentId, :correlationId, 'running', 1, 1, CAST('[]' AS json_document), :now, :now)
					""")
			.param("key", sessionKey)
			.param("taskId", taskId)
			.param("agentId", agentId)
			.param("correlationId", correlationId)
			.param("now", now)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void processStarted(long id, String processInstanceId) {
		this.jdbc.sql("UPDATE work_sessions SET process_instance_id = :pi WHERE id = :id")
			.param("pi", processInstanceId)
			.param("id", id)
			.update();
	}

	public void phaseEntered(long id, String phase, SessionStatus status, OffsetDateTime now) {
		this.jdbc
			.sql("UPDATE work_sessions SET current_phase = :phase, status = :status, updated_at = :now WHERE id = :id")
			.param("phase", phase)
			.param("status", status.value())
			.param("now", now)
			.param("id", id)
			.update();
	}

	public void statusChanged(long id, SessionStatus status, OffsetDateTime now) {
		this.jdbc.sql("""
				UPDATE work_sessions SET status = :status, updated_at = :now,
				    completed_at = CASE WHEN :terminal THEN :now ELSE NULL END
				WHERE id = :id
				""")
			.param("status", status.value())
			.param("terminal", status.isTerminal())
			.param("now", now)
			.param("id", id)
			.update();
	}

	void agentChanged(long id, long agentId, OffsetDateTime now) {
		this.jdbc.sql("UPDATE work_sessions SET agent_id = :agentId, updated_at = :now WHERE id = :id")
			.param("agentId", agentId)
			.param("now", now)
			.param("id", id)
			.update();
	}

	public void phaseHistoryChanged(long id, JsonNode history, OffsetDateTime now) {
		this.jdbc.sql(
				"UPDATE work_sessions SET phase_history = CAST(:history AS json_document), updated_at = :now WHERE id = :id")
			.param("history", this.json.write(history))
			.param("now", now)
			.param("id", id)
			.update();
	}

	public void checked(long id, PhaseCheck check, OffsetDateTime now) {
		this.jdbc.sql(
				"UPDATE work_sessions SET last_check = CAST(:check AS json_document), updated_at = :now WHERE id = :id")
			.param("check", this.json.write(check))
			.param("now", now)
			.param("id", id)
			.update();
	}

	public void iterationStarted(long id, int iteration, OffsetDateTime now) {
		this.jdbc
			.sql("""
					UPDATE work_sessions SET current_iteration = :iteration,
					    total_iterations = CASE WHEN total_iterations < :iteration THEN :iteration ELSE total_iterations END,
					    updated_at = :now
					WHERE id = :id
					""")
			.param("iteration", iteration)
			.param("now", now)
			.param("id", id)
			.update();
	}

	public Optional<WorkSession> findByKey(String sessionKey) {
		return this.jdbc.sql(SELECT + " WHERE s.session_key = :key")
			.param("key", sessionKey)
			.query(this::map)
			.optional();
	}

	/**
	 * Locks the session's row until the transaction ends, so that its transitions happen
	 * one at a time, and reads it as it is once locked (a transition that held the lock
	 * before is seen). One statement: the task code comes from a subquery, because
	 * PostgreSQL locks no row of the nullable side of an outer join.
	 */
	public Optional<WorkSession> lockByKey(String sessionKey) {
		return this.jdbc.sql("""
				SELECT s.*, (SELECT t.task_code FROM orchestration_tasks t WHERE t.id = s.task_id) AS task_code
				FROM work_sessions s WHERE s.session_key = :key FOR UPDATE
				""").param("key", sessionKey).query(this::map).optional();
	}

	Optional<WorkSession> findById(long id) {
		return this.jdbc.sql(SELECT + " WHERE s.id = :id").param("id", id).query(this::map).optional();
	}

	public List<WorkSession> findByTask(long taskId) {
		return this.jdbc.sql(SELECT + " WHERE s.task_id = :taskId ORDER BY s.id")
			.param("taskId", taskId)
			.query(this::map)
			.list();
	}

	/** The sessions of the tasks of a sprint, oldest first. */
	public List<WorkSession> findBySprint(String sprintCode) {
		return this.jdbc.sql(SELECT + """
				 WHERE t.sprint_id IN (SELECT id FROM orchestration_sprints WHERE sprint_code = :code) ORDER BY s.id
				""").param("code", sprintCode).query(this::map).list();
	}

	/**
	 * Sessions the filter matches, newest first: those that have not ended, or, with
	 * {@code ended}, the latest {@code limit} that have.
	 */
	public List<WorkSession> findListed(SessionFilter filter, boolean ended, int limit) {
		StringBuilder sql = new StringBuilder(SELECT).append(" WHERE s.status ")
			.append(ended ? "IN" : "NOT IN")
			.append(" ('completed', 'failed', 'terminated')");
		Map<String, Object> params = new HashMap<>();
		if (filter.status() != null) {
			sql.append(" AND s.status = :status");
			params.put("status", filter.status().value());
		}
		if (filter.phase() != null) {
			sql.append(" AND s.current_phase = :phase");
			params.put("phase", filter.phase());
		}
		if (filter.agentId() != null) {
			sql.append(" AND s.agent_id = :agentId");
			params.put("agentId", filter.agentId());
		}
		if (filter.sprintCode() != null) {
			sql.append(" AND t.sprint_id IN (SELECT id FROM orchestration_sprints WHERE sprint_code = :sprint)");
			params.put("sprint", filter.sprintCode());
		}
		sql.append(ended ? " ORDER BY s.completed_at DESC, s.id DESC" : " ORDER BY s.id DESC")
			.append(" FETCH FIRST :limit ROWS ONLY");
		params.put("limit", limit);
		return this.jdbc.sql(sql.toString()).params(params).query(this::map).list();
	}

	private WorkSession map(ResultSet rs, int row) throws SQLException {
		String lastCheck = rs.getString("last_check");
		return new WorkSession(rs.getLong("id"), rs.getString("session_key"), rs.getObject("task_id", Long.class),
				rs.getString("task_code"), rs.getObject("agent_id", Long.class),
				rs.getObject("parent_session_id", Long.class), rs.getString("process_instance_id"),
				rs.getString("correlation_id"), WireValue.parse(SessionStatus.class, rs.getString("status")),
				rs.getString("current_phase"), rs.getInt("current_iteration"), rs.getInt("total_iterations"),
				this.json.read(rs.getString("phase_history")),
				(lastCheck != null) ? this.json.read(lastCheck, PhaseCheck.class) : null,
				rs.getObject("started_at", OffsetDateTime.class), rs.getObject("completed_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class));
	}

}
