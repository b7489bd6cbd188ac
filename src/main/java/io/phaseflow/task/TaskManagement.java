package io.phaseflow.task;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import io.phaseflow.sprint.Sprint;
import io.phaseflow.sprint.Sprints;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, changing and reading tasks. Every write hashes the content, records a version
 * and emits its event in one transaction.
 */
@Service
public class TaskManagement {

	static final String CREATED = EventTypes.TASK_CREATED;

	static final String UPDATED = EventTypes.TASK_UPDATED;

	static final String STATUS_UPDATED = EventTypes.TASK_STATUS_UPDATED;

	static final String ROLLED_BACK = EventTypes.TASK_ROLLED_BACK;

	/** The metadata entry holding summaries of the sessions that worked on a task. */
	public static final String SESSION_SUMMARIES = "session_summaries";

	private final Tasks tasks;

	private final Sprints sprints;

	private final Revisions revisions;

	private final EntityVersions versions;

	private final Drafts drafts;

	private final Clock clock;

	private final ObjectProvider<CompletionGuard> guards;

	private final ApplicationEventPublisher publisher;

	private final TaskLinkRules links;

	TaskManagement(Tasks tasks, Sprints sprints, Revisions revisions, EntityVersions versions, Drafts drafts,
			Clock clock, ObjectProvider<CompletionGuard> guards, ApplicationEventPublisher publisher,
			TaskLinkRules links) {
		this.links = links;
		this.guards = guards;
		this.publisher = publisher;
		this.tasks = tasks;
		this.sprints = sprints;
		this.revisions = revisions;
		this.versions = versions;
		this.drafts = drafts;
		this.clock = clock;
	}

	@Transactional
	public Task create(TaskDraft request) {
		TaskDraft draft = request.withDefaults();
		this.drafts.validate(draft);
		String code = Codes.normalize("task_code", draft.taskCode());
		if (this.tasks.findByCode(code).isPresent()) {
			throw new CodeAlreadyTaken("task", "task_code", code);
		}
		Sprint sprint = sprintOf(draft);
		TaskContent content = linksChecked(content(code, sprint, draft), null);
		Revision revision = this.revisions.of(content);
		long id;
		try {
			id = this.tasks.insert(content, (sprint != null) ? sprint.id() : null, revision.hash(),
					Clocks.now(this.clock));
		}
		catch (DuplicateKeyException ex) {
			throw new CodeAlreadyTaken("task", "task_code", code);
		}
		this.revisions.record(EntityType.TASK, id, code, CREATED, revision, null, null, EventScope.NONE);
		Task created = this.tasks.findById(id).orElseThrow();
		this.publisher.publishEvent(new TaskChanged(created, null));
		return created;
	}

	/**
	 * Applies a JSON merge patch to the task's content. A patch that changes nothing
	 * writes nothing: no version, no event.
	 */
	@Transactional
	public Task update(String code, ObjectNode patch) {
		Task current = locked(code);
		ObjectNode base = (ObjectNode) this.drafts.tree(current.content());
		if (patch.has("sprint_id") || patch.has("sprint_code")) {
			base.remove("sprint_code");
		}
		TaskDraft draft = this.drafts.read(MergePatch.apply(base, patch), TaskDraft.class);
		if (!current.taskCode().equalsIgnoreCase(draft.taskCode())) {
			throw new RuleBroken("task_code", "cannot be changed");
		}
		Sprint sprint = sprintOf(draft);
		return write(current, linksChecked(content(current.taskCode(), sprint, draft), current),
				(sprint != null) ? sprint.id() : null, UPDATED, null, EventScope.NONE);
	}

	/**
	 * The content with its links checked against the task's current ones (none for a new
	 * task), dependencies in canonical form.
	 */
	private TaskContent linksChecked(TaskContent content, Task current) {
		ObjectNode metadata = this.links.checked(content.taskCode(), content.metadata(),
				(current != null) ? current.metadata() : null);
		return (metadata != content.metadata()) ? content.withMetadata(metadata) : content;
	}

	/**
	 * Writes new content for a locked task: a new hash, version and event, unless the
	 * content is unchanged. {@code completed_at} is set when the task becomes completed
	 * and cleared when it is reopened.
	 */
	Task write(Task current, TaskContent content, Long sprintId, String eventType, ObjectNode extra, EventScope scope) {
		Revision previous = this.revisions.of(current.content());
		Revision revision = this.revisions.of(content);
		if (revision.hash().equals(previous.hash())) {
			return current;
		}
		if (content.status() == TaskStatus.COMPLETED && current.status() != TaskStatus.COMPLETED) {
			this.guards.forEach((guard) -> guard.completing(current));
		}
		OffsetDateTime now = Clocks.now(this.clock);
		OffsetDateTime completedAt = (content.status() != TaskStatus.COMPLETED) ? null
				: (current.completedAt() != null) ? current.completedAt() : now;
		this.tasks.update(current.id(), content, sprintId, revision.hash(), now, completedAt);
		this.revisions.record(EntityType.TASK, current.id(), current.taskCode(), eventType, revision, previous, extra,
				scope);
		Task written = this.tasks.findById(current.id()).orElseThrow();
		this.publisher.publishEvent(new TaskChanged(written, current.status()));
		if (written.status() != current.status()) {
			this.publisher.publishEvent(new TaskStatusChanged(written, current.status()));
		}
		return written;
	}

	/**
	 * Changes a task's status: {@code orchestration.task.status_updated} with the old and
	 * new status and {@code extra}, in the session's scope. The event is written even
	 * when the status does not change, as the record of the report.
	 */
	@Transactional
	public Task changeStatus(String code, TaskStatus status, ObjectNode extra, EventScope scope) {
		Task current = locked(code);
		TaskContent before = current.content();
		TaskContent after = new TaskContent(before.taskCode(), before.sprintCode(), before.title(),
				before.description(), before.category(), status, before.priority(), before.estimateMinutes(),
				before.metadata(), before.agentConfig());
		ObjectNode payload = extra.deepCopy()
			.put("old_status", current.status().value())
			.put("new_status", status.value());
		if (current.status() == status) {
			Revision same = this.revisions.of(before);
			this.revisions.record(EntityType.TASK, current.id(), current.taskCode(), STATUS_UPDATED, same, same,
					payload, scope);
			return current;
		}
		return write(current, after, current.sprintId(), STATUS_UPDATED, payload, scope);
	}

	/**
	 * Keeps a summary of a session that worked on the task in its
	 * {@code metadata.session_summaries}, the latest {@code keep} of them, as a new
	 * version ({@code orchestration.task.updated} in the session's scope). Older
	 * summaries stay in the task's history.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Task addSessionSummary(String code, ObjectNode summary, int keep, EventScope scope) {
		Task current = locked(code);
		TaskContent before = current.content();
		ObjectNode metadata = before.metadata().deepCopy();
		ArrayNode summaries = (metadata.get(SESSION_SUMMARIES) instanceof ArrayNode kept) ? kept
				: metadata.putArray(SESSION_SUMMARIES);
		summaries.add(summary);
		while (summaries.size() > keep) {
			summaries.remove(0);
		}
		TaskContent after = new TaskContent(before.taskCode(), before.sprintCode(), before.title(),
				before.description(), before.category(), before.status(), before.priority(), before.estimateMinutes(),
				metadata, before.agentConfig());
		ObjectNode extra = metadata.objectNode().put("session_summary", summary.path("session_key").asText());
		return write(current, after, current.sprintId(), UPDATED, extra, scope);
	}

	/**
	 * Reads a task, named by its code or id (see {@link #get}), and locks its row for the
	 * rest of the transaction.
	 */
	Task locked(String code) {
		String normalized = Codes.normalize("task_code", code);
		long id = this.tasks.lockByCode(normalized)
			.or(() -> byId(normalized).flatMap((task) -> this.tasks.lockByCode(task.taskCode())))
			.orElseThrow(() -> new EntityNotFound("task", code));
		return this.tasks.findById(id).orElseThrow();
	}

	/**
	 * The task with the code, or else, for a reference of digits only, the task with that
	 * id. Codes may be all digits too; such a code keeps naming its own task, so a
	 * reference that worked as a code never changes meaning.
	 */
	@Transactional(readOnly = true)
	public Task get(String code) {
		String normalized = Codes.normalize("task_code", code);
		return this.tasks.findByCode(normalized)
			.or(() -> byId(normalized))
			.orElseThrow(() -> new EntityNotFound("task", code));
	}

	/**
	 * The codes of the tasks that depend on each of {@code codes} (none for a task no one
	 * depends on), from one query.
	 */
	@Transactional(readOnly = true)
	public Map<String, List<String>> dependents(Collection<String> codes) {
		Map<String, List<String>> dependents = new HashMap<>();
		codes.forEach((code) -> dependents.put(code, new ArrayList<>()));
		// one code narrows the scan to the tasks whose metadata mentions it
		String only = (codes.size() == 1) ? codes.iterator().next() : null;
		this.tasks.dependencies(only).forEach((dependent, dependsOn) -> dependsOn.forEach((code) -> {
			if (dependents.containsKey(code)) {
				dependents.get(code).add(dependent);
			}
		}));
		return dependents;
	}

	private Optional<Task> byId(String reference) {
		return Codes.id(reference).flatMap(this.tasks::findById);
	}

	@Transactional(readOnly = true)
	public List<Task> list(TaskFilter filter) {
		return this.tasks.find(filter);
	}

	/**
	 * A page of the tasks the filter matches, and one more if another page follows (see
	 * {@code Page.of}).
	 */
	@Transactional(readOnly = true)
	public List<Task> list(TaskFilter filter, PageQuery page) {
		return this.tasks.find(filter, page);
	}

	/**
	 * Restores the content a task had under the given hash, as a new version
	 * ({@code orchestration.task.rolled_back}). Restoring the current content writes
	 * nothing.
	 */
	@Transactional
	public Task rollback(String code, String hash) {
		Task current = locked(code);
		EntityVersion version = this.versions.withHash(EntityType.TASK, current.id(), hash)
			.orElseThrow(() -> new RuleBroken("hash", "names no version of task " + current.taskCode()));
		TaskContent restored;
		try {
			restored = this.drafts.mapper().treeToValue(version.snapshot(), TaskContent.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A stored version of task " + code + " cannot be read", ex);
		}
		Long sprintId = (restored.sprintCode() != null) ? this.sprints.findByCode(restored.sprintCode())
			.orElseThrow(() -> new RuleBroken("hash", "names a version whose sprint no longer exists"))
			.id() : null;
		ObjectNode extra = this.drafts.mapper()
			.createObjectNode()
			.put("restored_hash", hash)
			.put("restored_version", version.version());
		// a restored dependency may close a cycle made since that version
		Task written = write(current, linksChecked(restored, current), sprintId, ROLLED_BACK, extra, EventScope.NONE);
		this.publisher.publishEvent(new TaskRestored(written.taskCode()));
		return written;
	}

	@Transactional(readOnly = true)
	public List<EntityVersion> history(String code) {
		return this.versions.of(EntityType.TASK, get(code).id());
	}

	private Sprint sprintOf(TaskDraft draft) {
		Sprint byId = null;
		if (draft.sprintId() != null) {
			byId = this.sprints.findById(draft.sprintId())
				.orElseThrow(() -> new RuleBroken("sprint_id", "names no sprint"));
		}
		if (draft.sprintCode() == null) {
			return byId;
		}
		String code = Codes.normalize("sprint_code", draft.sprintCode());
		Sprint byCode = this.sprints.findByCode(code)
			.orElseThrow(() -> new RuleBroken("sprint_code", "names no sprint"));
		if (byId != null && byId.id() != byCode.id()) {
			throw new RuleBroken("sprint_id", "names another sprint than sprint_code");
		}
		return byCode;
	}

	private static TaskContent content(String code, Sprint sprint, TaskDraft draft) {
		return new TaskContent(code, (sprint != null) ? sprint.sprintCode() : null, draft.title(), draft.description(),
				draft.category(), draft.status(), draft.priority(), draft.estimateMinutes(), draft.metadata(),
				draft.agentConfig());
	}

}
