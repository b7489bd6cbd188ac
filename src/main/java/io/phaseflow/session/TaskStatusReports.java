package io.phaseflow.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.common.Drafts;
import io.phaseflow.common.JsonDocuments;
import io.phaseflow.event.EventScope;
import io.phaseflow.files.FileSync;
import io.phaseflow.task.Task;
import io.phaseflow.task.TaskManagement;
import io.phaseflow.task.TaskStatus;

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

	private final SessionLifecycle lifecycle;

	private final SessionMemory memory;

	private final CompletionCheck completion;

	private final JsonDocuments json;

	private final Drafts drafts;

	private final FileSync files;

	private final SessionViews views;

	TaskStatusReports(TaskManagement tasks, SessionManagement sessions, SessionLifecycle lifecycle,
			SessionMemory memory, CompletionCheck completion, JsonDocuments json, Drafts drafts, FileSync files,
			SessionViews views) {
		this.memory = memory;
		this.completion = completion;
		this.files = files;
		this.views = views;
		this.tasks = tasks;
		this.sessions = sessions;
		this.lifecycle = lifecycle;
		this.json = json;
		this.drafts = drafts;
	}

	@Transactional
	public Guided<Task> report(TaskStatusUpdate update) {
		this.drafts.validate(update);
		boolean completing = update.status() == TaskStatus.COMPLETED;
		EventScope scope = (update.sessionKey() != null) ? this.sessions.scope(update.sessionKey(), update.taskCode())
				: new EventScope(null, update.agentId(), null);
		WorkSession session = (update.sessionKey() != null) ? this.views.locked(update.sessionKey()) : null;
		if (completing && !Boolean.TRUE.equals(update.force())) {
			this.completion.require(update.taskCode(), update.notes(), session);
		}
		ObjectNode payload = this.json.newObject().put("notes", update.notes());
		Task task = this.tasks.changeStatus(update.taskCode(), update.status(), payload, scope);
		boolean hasNotes = update.notes() != null && !update.notes().isBlank();
		if (session != null && !completing && hasNotes && !session.status().isTerminal()) {
			this.memory.record(session, NoteKind.UPDATE, update.notes());
		}
		if (completing && session != null) {
			this.lifecycle.taskCompleted(update.sessionKey(), update.notes());
		}
		if (Boolean.TRUE.equals(update.syncToFile())) {
			this.files.syncTaskAfterCommit(task.taskCode(), false);
		}
		return (session != null) ? this.views.guided(update.sessionKey(), task) : new Guided<>(task, null);
	}

}
