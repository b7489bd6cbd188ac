package io.phaseflow.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.common.ContentHash;
import io.phaseflow.common.JsonDocuments;
import io.phaseflow.event.EntityType;
import io.phaseflow.event.EventLog;
import io.phaseflow.event.EventScope;
import io.phaseflow.event.NewEvent;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hashes entity content, and records each new content as a version plus its event, in the
 * transaction of the write.
 */
@Component
public class Revisions {

	private final JsonDocuments json;

	private final EntityVersions versions;

	private final EventLog events;

	public Revisions(JsonDocuments json, EntityVersions versions, EventLog events) {
		this.json = json;
		this.versions = versions;
		this.events = events;
	}

	/** The snapshot and hash of a content record (a draft). */
	public Revision of(Object content) {
		ObjectNode snapshot = (ObjectNode) this.json.tree(content);
		return new Revision(snapshot, ContentHash.of(snapshot));
	}

	/**
	 * Records a written revision: a new version in {@code entity_versions} and its event,
	 * whose payload carries the snapshot, hash, version, the fields that changed and
	 * {@code extra}.
	 * @param previous the revision before this write, or null for a creation
	 * @param scope the session the write belongs to, if any
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(EntityType type, long id, String code, String eventType, Revision revision, Revision previous,
			ObjectNode extra, EventScope scope) {
		int version = this.versions.record(type, id, revision.hash(), revision.snapshot());
		ObjectNode payload = this.json.newObject();
		payload.put("version", version);
		if (previous != null) {
			payload.put("previous_hash", previous.hash());
			payload.set("changed_fields", this.json.tree(changedFields(previous.snapshot(), revision.snapshot())));
		}
		if (extra != null) {
			payload.setAll(extra);
		}
		announce(type, id, code, eventType, revision, payload, scope);
	}

	/**
	 * Emits an event about an entity whose content did not change (no new version): its
	 * payload carries the current snapshot and hash, and {@code extra}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void announce(EntityType type, long id, String code, String eventType, Revision current, ObjectNode extra,
			EventScope scope) {
		ObjectNode payload = this.json.newObject();
		payload.set("entity_snapshot", current.snapshot());
		payload.put("hash", current.hash());
		if (extra != null) {
			payload.setAll(extra);
		}
		this.events.append(NewEvent.about(eventType, type, id, code, payload, scope));
	}

	private static List<String> changedFields(ObjectNode before, ObjectNode after) {
		List<String> changed = new ArrayList<>();
		for (Map.Entry<String, JsonNode> field : after.properties()) {
			if (!Objects.equals(before.get(field.getKey()), field.getValue())) {
				changed.add(field.getKey());
			}
		}
		before.fieldNames().forEachRemaining((name) -> {
			if (!after.has(name)) {
				changed.add(name);
			}
		});
		return changed;
	}

}
