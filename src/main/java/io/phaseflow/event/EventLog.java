package io.phaseflow.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.common.Clocks;
import io.phaseflow.common.JsonDocuments;
import io.phaseflow.common.Limits;
import io.phaseflow.common.RequestContext;
import io.phaseflow.common.WireValue;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
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

	/**
	 * Rows the database driver hands over at a time while a read runs (PostgreSQL's
	 * driver otherwise reads the whole result before the first row), so that a read that
	 * stops at its byte limit has not loaded the rows after it.
	 */
	private static final int FETCH_SIZE = 50;

	/** The columns before {@code id} in the event indexes a read can filter by. */
	private static final List<List<String>> INDEX_PREFIXES = List.of(List.of("session_key"),
			List.of("entity_type", "entity_code"));

	private final JdbcClient jdbc;

	private final JdbcClient reads;

	private final JsonDocuments json;

	private final Clock clock;

	private final long maxReadBytes;

	public EventLog(JdbcClient jdbc, DataSource dataSource, JsonDocuments json, Clock clock, Limits limits) {
		this.jdbc = jdbc;
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.reads = JdbcClient.create(template);
		this.json = json;
		this.clock = clock;
		this.maxReadBytes = limits.maxEventPageSize().toBytes();
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

	/**
	 * Reads events matching the query, oldest first: at most {@code limit} of them, and
	 * no more than {@code phaseflow.limits.max-event-page-size} bytes of payloads (but at
	 * least one event).
	 */
	@Transactional(readOnly = true)
	public EventSlice find(EventQuery query) {
		return select(query, "ASC", null);
	}

	/**
	 * Reads events matching the query whose ids are at most {@code lastId}, oldest first,
	 * within the same limits as {@link #find(EventQuery)}.
	 */
	@Transactional(readOnly = true)
	public EventSlice find(EventQuery query, long lastId) {
		return select(query, "ASC", lastId);
	}

	/**
	 * The latest {@code limit} events matching the query's filters (fewer when their
	 * payloads pass the byte limit), oldest first.
	 */
	@Transactional(readOnly = true)
	public List<OrchestrationEvent> latest(EventQuery query) {
		List<OrchestrationEvent> newestFirst = new ArrayList<>(select(query, "DESC", null).events());
		Collections.reverse(newestFirst);
		return newestFirst;
	}

	/**
	 * The session's latest event of one of {@code eventTypes}, read from the newest back:
	 * cheap when such an event is recent.
	 */
	@Transactional(readOnly = true)
	public Optional<OrchestrationEvent> latestOf(String sessionKey, Collection<String> eventTypes) {
		return this.reads
			.sql(COLUMNS + " WHERE session_key = :sessionKey AND event_type IN (:types)"
					+ " ORDER BY session_key DESC, id DESC FETCH FIRST 1 ROWS ONLY")
			.param("sessionKey", sessionKey)
			.param("types", eventTypes)
			.query((rs, row) -> map(rs, rs.getString("payload")))
			.optional();
	}

	/**
	 * The session's latest {@code limit} events whose type is none of {@code excluded},
	 * newest first: the types are left out in the query, so that many of them do not
	 * crowd the others out of the limit.
	 */
	@Transactional(readOnly = true)
	public List<OrchestrationEvent> latestExcept(String sessionKey, Collection<String> excluded, int limit) {
		return this.reads
			.sql(COLUMNS + " WHERE session_key = :sessionKey AND event_type NOT IN (:types)"
					+ " ORDER BY session_key DESC, id DESC FETCH FIRST :limit ROWS ONLY")
			.param("sessionKey", sessionKey)
			.param("types", excluded)
			.param("limit", limit)
			.query((rs, row) -> map(rs, rs.getString("payload")))
			.list();
	}

	/** The highest event id there is, or 0. */
	@Transactional(readOnly = true)
	public long lastId() {
		return this.jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM orchestration_events").query(Long.class).single();
	}

	private EventSlice select(EventQuery query, String order, Long lastId) {
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
		sql.append(" ORDER BY ");
		indexPrefix(params).forEach((column) -> sql.append(column).append(' ').append(order).append(", "));
		sql.append("id ").append(order).append(" FETCH FIRST :limit ROWS ONLY");
		return this.reads.sql(sql.toString())
			.params(params)
			.query((ResultSetExtractor<EventSlice>) (rs) -> slice(rs, query.limit()));
	}

	/**
	 * The rows up to the byte limit, counted in characters of the payloads' JSON: the
	 * first row always, then rows while their payloads together stay within the limit.
	 */
	private EventSlice slice(ResultSet rs, int limit) throws SQLException {
		List<OrchestrationEvent> events = new ArrayList<>();
		long size = 0;
		while (rs.next()) {
			String payload = rs.getString("payload");
			size += payload.length();
			if (!events.isEmpty() && size > this.maxReadBytes) {
				return new EventSlice(events, events.get(events.size() - 1).id());
			}
			events.add(map(rs, payload));
		}
		return new EventSlice(events, (events.size() == limit) ? events.get(events.size() - 1).id() : null);
	}

	/**
	 * The leading columns of the first index over {@code (…, id)} whose columns the query
	 * all filters on. Sorting by them as well as by id changes nothing (each is one
	 * value) but lets H2 read the index in order and stop at the limit; sorted by id
	 * alone, it reads every event of the session or task and sorts them.
	 */
	private static List<String> indexPrefix(Map<String, Object> params) {
		return INDEX_PREFIXES.stream().filter(params.keySet()::containsAll).findFirst().orElse(List.of());
	}

	private static void filter(StringBuilder sql, Map<String, Object> params, String column, Object value) {
		if (value != null) {
			sql.append(" AND ").append(column).append(" = :").append(column);
			params.put(column, value);
		}
	}

	private OrchestrationEvent map(ResultSet rs, String payload) throws SQLException {
		return new OrchestrationEvent(rs.getLong("id"), rs.getString("event_type"),
				WireValue.parse(EntityType.class, rs.getString("entity_type")), rs.getObject("entity_id", Long.class),
				rs.getString("entity_code"), rs.getString("correlation_id"), rs.getString("session_key"),
				rs.getObject("agent_id", Long.class), this.json.read(payload),
				rs.getObject("emitted_at", OffsetDateTime.class));
	}

}
