package io.phaseflow.sprint;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.common.Clocks;
import io.phaseflow.common.CodeAlreadyTaken;
import io.phaseflow.common.Codes;
import io.phaseflow.common.Drafts;
import io.phaseflow.common.EntityNotFound;
import io.phaseflow.common.MergePatch;
import io.phaseflow.common.PageQuery;
import io.phaseflow.common.RuleBroken;
import io.phaseflow.event.EntityType;
import io.phaseflow.event.EventScope;
import io.phaseflow.event.EventTypes;
import io.phaseflow.history.EntityVersion;
import io.phaseflow.history.EntityVersions;
import io.phaseflow.history.Revision;
import io.phaseflow.history.Revisions;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, changing and reading sprints. Every write hashes the content, records a
 * version and emits its event in one transaction.
 */
@Service
public class SprintManagement {

	static final String CREATED = EventTypes.SPRINT_CREATED;

	static final String UPDATED = EventTypes.SPRINT_UPDATED;

	private final Sprints sprints;

	private final Revisions revisions;

	private final Drafts drafts;

	private final EntityVersions versions;

	private final Clock clock;

	SprintManagement(Sprints sprints, Revisions revisions, Drafts drafts, EntityVersions versions, Clock clock) {
		this.sprints = sprints;
		this.revisions = revisions;
		this.drafts = drafts;
		this.versions = versions;
		this.clock = clock;
	}

	@Transactional
	public Sprint create(SprintDraft request) {
		SprintDraft draft = request.withDefaults();
		this.drafts.validate(draft);
		draft = new SprintDraft(Codes.normalize("sprint_code", draft.sprintCode()), draft.title(), draft.status(),
				draft.owner(), draft.metadata());
		if (this.sprints.findByCode(draft.sprintCode()).isPresent()) {
			throw new CodeAlreadyTaken("sprint", "sprint_code", draft.sprintCode());
		}
		Revision revision = this.revisions.of(draft);
		long id;
		try {
			id = this.sprints.insert(draft, revision.hash(), Clocks.now(this.clock));
		}
		catch (DuplicateKeyException ex) {
			throw new CodeAlreadyTaken("sprint", "sprint_code", draft.sprintCode());
		}
		this.revisions.record(EntityType.SPRINT, id, draft.sprintCode(), CREATED, revision, null, null,
				EventScope.NONE);
		return this.sprints.findById(id).orElseThrow();
	}

	/**
	 * Applies a JSON merge patch to the sprint's content. A patch that changes nothing
	 * writes nothing: no version, no event.
	 */
	@Transactional
	public Sprint update(String code, JsonNode patch) {
		return update(code, patch, EventScope.NONE);
	}

	/**
	 * Moves the sprint to {@code status} as a versioned update, in the scope of what
	 * moved it (a session's start, its last task's completion).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Sprint changeStatus(String code, SprintStatus status, EventScope scope) {
		return update(code, this.drafts.tree(Map.of("status", status)), scope);
	}

	/**
	 * Restores the content a sprint had under the given hash, as a new version
	 * ({@code orchestration.sprint.rolled_back}). Restoring the current content writes
	 * nothing.
	 */
	@Transactional
	public Sprint rollback(String code, String hash) {
		Sprint current = locked(code);
		EntityVersion version = this.versions.withHash(EntityType.SPRINT, current.id(), hash)
			.orElseThrow(() -> new RuleBroken("hash", "names no version of sprint " + current.sprintCode()));
		SprintDraft restored = this.drafts.read(version.snapshot(), SprintDraft.class);
		ObjectNode extra = this.drafts.mapper()
			.createObjectNode()
			.put("restored_hash", hash)
			.put("restored_version", version.version());
		return write(current, restored, EventTypes.SPRINT_ROLLED_BACK, extra, EventScope.NONE);
	}

	private Sprint update(String code, JsonNode patch, EventScope scope) {
		Sprint current = locked(code);
		SprintDraft draft = this.drafts.read(MergePatch.apply(this.drafts.tree(current.content()), patch),
				SprintDraft.class);
		if (!current.sprintCode().equalsIgnoreCase(draft.sprintCode())) {
			throw new RuleBroken("sprint_code", "cannot be changed");
		}
		draft = new SprintDraft(current.sprintCode(), draft.title(), draft.status(), draft.owner(), draft.metadata());
		return write(current, draft, UPDATED, null, scope);
	}

	/** Reads a sprint, named by its code or id (see {@link #get}), and locks its row. */
	private Sprint locked(String code) {
		String normalized = Codes.normalize("sprint_code", code);
		return this.sprints.lockByCode(normalized)
			.or(() -> byId(normalized).flatMap((sprint) -> this.sprints.lockByCode(sprint.sprintCode())))
			.orElseThrow(() -> new EntityNotFound("sprint", code));
	}

	/**
	 * Writes the sprint's new content as a version with its event; content that hashes as
	 * the current one writes nothing.
	 */
	private Sprint write(Sprint current, SprintDraft content, String eventType, ObjectNode extra, EventScope scope) {
		Revision previous = this.revisions.of(current.content());
		Revision revision = this.revisions.of(content);
		if (revision.hash().equals(previous.hash())) {
			return current;
		}
		this.sprints.update(current.id(), content, revision.hash(), Clocks.now(this.clock));
		this.revisions.record(EntityType.SPRINT, current.id(), current.sprintCode(), eventType, revision, previous,
				extra, scope);
		return this.sprints.findById(current.id()).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Sprint get(String code) {
		String normalized = Codes.normalize("sprint_code", code);
		return this.sprints.findByCode(normalized)
			.or(() -> byId(normalized))
			.orElseThrow(() -> new EntityNotFound("sprint", code));
	}

	/** The sprint a reference of digits only names by its id, when no code matched. */
	private Optional<Sprint> byId(String reference) {
		return Codes.id(reference).flatMap(this.sprints::findById);
	}

	@Transactional(readOnly = true)
	public List<EntityVersion> history(String code) {
		return this.versions.of(EntityType.SPRINT, get(code).id());
	}

	@Transactional(readOnly = true)
	public List<Sprint> list(SprintStatus status) {
		return this.sprints.findAll(status);
	}

	/**
	 * A page of the sprints with the status (any when null), and one more if another page
	 * follows (see {@code Page.of}).
	 */
	@Transactional(readOnly = true)
	public List<Sprint> list(SprintStatus status, PageQuery page) {
		return this.sprints.find(status, page);
	}

}
