package io.phaseflow.taskstatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.phaseflow.common.FieldError;
import io.phaseflow.common.RequestContext;
import io.phaseflow.guidance.ContextBroker;
import io.phaseflow.memory.NoteKind;
import io.phaseflow.memory.SessionNotes;
import io.phaseflow.session.Instructions;
import io.phaseflow.session.SessionStatus;
import io.phaseflow.session.WorkSession;

import org.springframework.stereotype.Component;

/**
 * The check a task's completion passes: a task is completed with a summary (the report's
 * notes) and, when a session worked on it, after that session updated the task's context
 * at least once (an {@code update} note, or a status report with notes).
 */
@Component
public class CompletionCheck {

	static final String MISSING_SUMMARY = "Missing summary";

	static final String NO_CONTEXT_UPDATES = "No context updates";

	private final SessionNotes notes;

	private final ContextBroker broker;

	CompletionCheck(SessionNotes notes, ContextBroker broker) {
		this.notes = notes;
		this.broker = broker;
	}

	/**
	 * @param session the session the completion is reported in, or null
	 * @throws TaskNotReadyToComplete listing what is missing
	 */
	public void require(String taskCode, String summary, WorkSession session) {
		List<FieldError> missing = new ArrayList<>();
		if (summary == null || summary.isBlank()) {
			missing.add(new FieldError("notes", MISSING_SUMMARY + ": give notes that sum up the work"));
		}
		// a completed session passed its phases' checks and takes no notes any more; a
		// terminated or failed one did not
		boolean checked = session == null || session.status() == SessionStatus.COMPLETED;
		if (!checked && this.notes.count(session.id(), NoteKind.UPDATE) == 0) {
			missing.add(new FieldError("context_updates",
					NO_CONTEXT_UPDATES + ": session " + session.sessionKey() + " never updated the task's context"));
		}
		if (!missing.isEmpty()) {
			throw new TaskNotReadyToComplete(taskCode, missing, choices(taskCode, missing, session));
		}
	}

	/**
	 * The caller's choices: add what is missing, force the completion, or keep working.
	 */
	private Instructions choices(String taskCode, List<FieldError> missing, WorkSession session) {
		List<String> actions = new ArrayList<>();
		List<String> commands = new ArrayList<>();
		List<Instructions.Call> calls = new ArrayList<>();
		for (FieldError item : missing) {
			if (item.field().equals("notes")) {
				actions.add("Add a summary now: report the completion again with notes that sum up the work");
			}
			else if (session.status().isTerminal()) {
				// an ended session takes no notes: the update goes into a new one
				actions.add("Session " + session.sessionKey() + " is " + session.status().value()
						+ " and takes no more updates: start a new session on the task and record an update in it");
				commands.add("phaseflow session start");
				commands.add("phaseflow update \"<what was done>\"");
				calls.add(new Instructions.Call("init", Map.of("task_code", session.taskCode()),
						"POST /api/orchestration/agent/init"));
			}
			else {
				actions.add("Add a context update now: what was done, found and decided");
				commands.add("phaseflow update \"<what was done>\"");
				calls.add(update(session.sessionKey()));
			}
		}
		if (RequestContext.actsForAnyAgent()) {
			actions.add("Force close anyway: report the completion with force (--force)");
		}
		else {
			actions.add("Ask a PM to force the completion if it cannot meet the check "
					+ "(with a PM's token: phaseflow done --force \"<summary>\")");
		}
		actions.add("Continue working: nothing was changed");
		commands.add("phaseflow done \"<summary>\"");
		calls.add(Instructions.Call.taskCompleted(false));
		if (RequestContext.actsForAnyAgent()) {
			commands.add("phaseflow done --force \"<summary>\"");
			calls.add(Instructions.Call.taskCompleted(true));
		}
		Instructions.Reminder reminder = (session != null) ? this.broker.instructions(session, null).contextReminder()
				: new Instructions.Reminder(taskCode, null, null);
		return new Instructions(actions, commands, calls, reminder, null);
	}

	private static Instructions.Call update(String sessionKey) {
		Map<String, Object> arguments = new LinkedHashMap<>();
		arguments.put("kind", "update");
		arguments.put("text", "<what was done, found and decided>");
		return new Instructions.Call("note", arguments, Instructions.Call.session(sessionKey, "POST", "/notes"));
	}

}
