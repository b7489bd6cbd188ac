package io.phaseflow.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.common.Clocks;
import io.phaseflow.common.JsonDocuments;
import io.phaseflow.common.RequestContext;
import io.phaseflow.common.WireValue;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only event log ({@code orchestration_events}). Appending requires a running
 * transaction, so an event can only be written together with the change it describes.
 */
@Repository
public class EventLog {

	/** Every column but PostgreSQL's search_document (context search). */
	private static final String COLUMNS = "SELECT id, event_type, entity_type, entity_id, entity_code, correlation_id,"
			+ " session_key, agent_id, payload, emitted_at FROM orchestration_events";

	private final JdbcClient jdbc;

	private final JsonDocuments json;

	private final Clock clock;

	public EventLog(JdbcClient jdbc, JsonDocuments json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Appends an event inside the caller's transaction, stamping the actor, timestamp and
	 * the current correlation id.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public OrchestrationEvent append(NewEvent event) {
		OffsetDateTime now = Clocks.now(this.clock);
		ObjectNode payload = this.json.newObject();
		payload.put("actor", RequestContext.actor());
		payload.put("timestamp", now.toString());
		if (event.payload() != null) {
			payload.setAll(event.payload());
		}
		String correlationId = (event.correlationId() != null) ? event.correlationId() : RequestContext.correlationId();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO orchestration_events (event_type, entity_type, entity_id, entity_code, correlation_id,
				    session_key, agent_id, payload, emitted_at)
				VALUES (:eventType, :entityType, :entityId, :entityCode, :correlationId,
				    :sessionKey, :agentId, CAST(:payload AS json_document), :emittedAt)
				""")
			.param("eventType", event.eventType())
			.param("entityType", event.entityType().value())
			.param("entityId", event.entityId())
			.param("entityCode", event.entityCode())
			.param("correlationId", correlationId)
			.param("sessionKey", event.sessionKey())
			.param("agentId", event.agentId())
			.param("payload", this.json.write(payload))
			.param("emittedAt", now)
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		return new OrchestrationEvent(id, event.eventType(), event.entityType(), event.entityId(), event.entityCode(),
				correlationId, event.sessionKey(), event.agentId(), payload, now);
	}

	/** Reads events matching the query, oldest first. */
	@Transactional(readOnly = true)
	public List<OrchestrationEvent> find(EventQuery query) {
		return select(query, "ASC", null);
	}

	/**
	 * Reads events matching the query whose ids are at most {@code lastId}, oldest first.
	 */
	@Transactional(readOnly = true)
	public List<OrchestrationEvent> find(EventQuery query, long lastId) {
		return select(query, "ASC", lastId);
	}

	/** The latest {@code limit} events matching the query's filters, oldest first. */
	@Transactional(readOnly = true)
	public List<OrchestrationEvent> latest(EventQuery query) {
		List<OrchestrationEvent> newestFirst = new ArrayList<>(select(query, "DESC", null));
		Collections.reverse(newestFirst);
		return newestFirst;
	}

	/** The highest event id there is, or 0. */
	@Transactional(readOnly = true)
	public long lastId() {
		return this.jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM orchestration_events").query(Long.class).single();
	}

	private List<OrchestrationEvent> select(EventQuery query, String order, Long lastId) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("afterId", query.afterId());
		params.put("limit", query.limit());
		StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE id > :afterId");
		if (lastId != null) {
			sql.append(" AND id <= :lastId");
			params.put("lastId", lastId);
		}
		filter(sql, params, "entity_type", (query.entityType() != null) ? query.entityType().value() : null);
		filter(sql, params, "entity_code", query.entityCode());
		filter(sql, params, "event_type", query.eventType());
		filter(sql, params, "session_key", query.sessionKey());
		filter(sql, params, "correlation_id", query.correlationId());
		sql.append(" ORDER BY id ").append(order).append(" FETCH FIRST :limit ROWS ONLY");
		return this.jdbc.sql(sql.toString()).params(params).query(this::map).list();
	}

	private static void filter(StringBuilder sql, Map<String, Object> params, String column, Object value) {
		if (value != null) {
			sql.append(" AND ").append(column).append(" = :").append(column);
			params.put(column, value);
		}
	}

	private OrchestrationEvent map(ResultSet rs, int row) throws SQLException {
		return new OrchestrationEvent(rs.getLong("id"), rs.getString("event_type"),
				WireValue.parse(EntityType.class, rs.getString("entity_type")), rs.getObject("entity_id", Long.class),
				rs.getString("entity_code"), rs.getString("correlation_id"), rs.getString("session_key"),
				rs.getObject("agent_id", Long.class), this.json.read(rs.getString("payload")),
				rs.getObject("emitted_at", OffsetDateTime.class));
	}

}
