package io.phaseflow.taskstatus;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.common.Drafts;
import io.phaseflow.common.FieldError;
import io.phaseflow.common.JsonDocuments;
import io.phaseflow.common.PhaseflowException;
import io.phaseflow.common.PhaseflowException.Kind;
import io.phaseflow.common.RequestContext;
import io.phaseflow.event.EventScope;
import io.phaseflow.memory.NoteKind;
import io.phaseflow.memory.SessionMemory;
import io.phaseflow.session.Guided;
import io.phaseflow.session.SessionLifecycle;
import io.phaseflow.session.SessionManagement;
import io.phaseflow.session.SessionQueries;
import io.phaseflow.session.SessionStatus;
import io.phaseflow.session.SessionViews;
import io.phaseflow.session.WorkSession;
import io.phaseflow.session.access.AgentIdentity;
import io.phaseflow.session.access.Refusals;
import io.phaseflow.task.Task;
import io.phaseflow.task.TaskManagement;
import io.phaseflow.task.TaskProgressed;
import io.phaseflow.task.TaskStatus;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agents' and PMs' status reports on tasks: the new status, the notes, and, when the task
 * is completed, the completion of its session. A report in a session that has not ended
 * adds its notes to the session's memory as a context update; completing the task passes
 * {@link CompletionCheck} first, unless forced.
 */
@Service
public class TaskStatusReports {

	private final TaskManagement tasks;

	private final SessionManagement sessions;

	private final SessionQueries queries;

	private final SessionLifecycle lifecycle;

	private final SessionMemory memory;

	private final CompletionCheck completion;

	private final JsonDocuments json;

	private final Drafts drafts;

	private final ApplicationEventPublisher publisher;

	private final SessionViews views;

	private final AgentIdentity identity;

	private final Refusals refusals;

	TaskStatusReports(TaskManagement tasks, SessionManagement sessions, SessionQueries queries,
			SessionLifecycle lifecycle, SessionMemory memory, CompletionCheck completion, JsonDocuments json,
			Drafts drafts, ApplicationEventPublisher publisher, SessionViews views, AgentIdentity identity,
			Refusals refusals) {
		this.identity = identity;
		this.refusals = refusals;
		this.memory = memory;
		this.completion = completion;
		this.publisher = publisher;
		this.views = views;
		this.tasks = tasks;
		this.sessions = sessions;
		this.queries = queries;
		this.lifecycle = lifecycle;
		this.json = json;
		this.drafts = drafts;
	}

	/**
	 * Reports a task's status. Completing a task completes its active session too, named
	 * or not; never one that waits for a reviewer's decision. Only a PM or ADMIN may
	 * force a completion past its check.
	 */
	@Transactional
	public Guided<Task> report(TaskStatusUpdate update) {
		this.drafts.validate(update);
		boolean completing = update.status() == TaskStatus.COMPLETED;
		boolean force = Boolean.TRUE.equals(update.force());
		if (force && !RequestContext.actsForAnyAgent()) {
			throw new ForceNeedsPm();
		}
		Long agentId = this.identity.agentOrNone(update.agentId());
		// the task's lock before its session's, as starting a session takes them, and so
		// that no session starts on the task while it is reported on
		this.sessions.lockTask(update.taskCode());
		if (update.sessionKey() != null) {
			// the session named must be one of this task's
			this.queries.scope(update.sessionKey(), update.taskCode());
		}
		// a report on a task is a report in its running (else its latest) session, by
		// that session's owner, whichever session it names: an ended one does not get
		// around a running one, and another agent does not report on a task it did not
		// work on last
		String sessionKey = this.queries.reportingSessionKey(update.taskCode()).orElse(update.sessionKey());
		EventScope scope = (sessionKey != null) ? this.queries.scope(sessionKey, update.taskCode())
				: new EventScope(null, agentId, null);
		WorkSession session = (sessionKey != null) ? this.views.owned(sessionKey) : null;
		if (completing && session != null && session.status() == SessionStatus.AWAITING_OVERRIDE) {
			throw this.refusals.pendingOverride(session);
		}
		if (completing && !force) {
			this.completion.require(update.taskCode(), update.notes(), session);
		}
		ObjectNode payload = this.json.newObject().put("notes", update.notes());
		Task task = this.tasks.changeStatus(update.taskCode(), update.status(), payload, scope);
		boolean hasNotes = update.notes() != null && !update.notes().isBlank();
		if (session != null && !completing && hasNotes && !session.status().isTerminal()) {
			this.memory.record(session, NoteKind.UPDATE, update.notes());
		}
		if (completing && session != null) {
			this.lifecycle.taskCompleted(sessionKey, update.notes());
		}
		if (Boolean.TRUE.equals(update.syncToFile())) {
			this.publisher.publishEvent(new TaskProgressed(task.taskCode()));
		}
		return (session != null) ? this.views.guided(sessionKey, task) : new Guided<>(task, null);
	}

	/** An agent's token asked to force a completion. */
	static class ForceNeedsPm extends PhaseflowException {

		ForceNeedsPm() {
			super(Kind.NOT_ALLOWED, "Only a PM or ADMIN may force a task's completion past its check",
					List.of(new FieldError("force", "needs a PM or ADMIN token")));
		}

		@Override
		public String title() {
			return "Forbidden";
		}

	}

}
