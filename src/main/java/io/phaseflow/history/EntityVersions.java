package io.phaseflow.history;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.phaseflow.common.Clocks;
import io.phaseflow.common.JsonDocuments;
import io.phaseflow.common.RequestContext;
import io.phaseflow.event.EntityType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versions of sprints and tasks, numbered from 1 per entity.
 */
@Repository
public class EntityVersions {

	private final JdbcClient jdbc;

	private final JsonDocuments json;

	private final Clock clock;

	public EntityVersions(JdbcClient jdbc, JsonDocuments json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Records a new version inside the caller's transaction (which holds the entity's row
	 * lock) and returns its number.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int record(EntityType type, long entityId, String hash, JsonNode snapshot) {
		int version = this.jdbc.sql(
				"SELECT COALESCE(MAX(version), 0) + 1 FROM entity_versions WHERE entity_type = :type AND entity_id = :id")
			.param("type", type.value())
			.param("id", entityId)
			.query(Integer.class)
			.single();
		this.jdbc
			.sql("""
					INSERT INTO entity_versions (entity_type, entity_id, version, hash, snapshot, correlation_id, actor, created_at)
					VALUES (:type, :id, :version, :hash, CAST(:snapshot AS json_document), :correlationId, :actor, :createdAt)
					""")
			.param("type", type.value())
			.param("id", entityId)
			.param("version", version)
			.param("hash", hash)
			.param("snapshot", this.json.write(snapshot))
			.param("correlationId", RequestContext.correlationId())
			.param("actor", RequestContext.actor())
			.param("createdAt", Clocks.now(this.clock))
			.update();
		return version;
	}

	/** The latest version of an entity that had the given hash. */
	@Transactional(readOnly = true)
	public Optional<EntityVersion> withHash(EntityType type, long entityId, String hash) {
		return of(type, entityId).stream().filter((version) -> version.hash().equals(hash)).findFirst();
	}

	/** All versions of an entity, newest first. */
	@Transactional(readOnly = true)
	public List<EntityVersion> of(EntityType type, long entityId) {
		return this.jdbc.sql("""
				SELECT version, hash, snapshot, correlation_id, actor, created_at FROM entity_versions
				WHERE entity_type = :type AND entity_id = :id ORDER BY version DESC
				""")
			.param("type", type.value())
			.param("id", entityId)
			.query((rs, row) -> new EntityVersion(rs.getInt("version"), rs.getString("hash"),
					this.json.read(rs.getString("snapshot")), rs.getString("correlation_id"), rs.getString("actor"),
					rs.getObject("created_at", OffsetDateTime.class)))
			.list();
	}

}
