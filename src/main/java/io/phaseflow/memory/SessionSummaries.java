package io.phaseflow.memory;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.common.JsonDocuments;
import io.phaseflow.event.EventScope;
import io.phaseflow.session.SessionEnded;
import io.phaseflow.session.SessionStatus;
import io.phaseflow.session.WorkSession;
import io.phaseflow.task.TaskManagement;
import io.phaseflow.timetracking.SessionTimes;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compacts an ended session's notes into a summary kept with its task
 * ({@code metadata.session_summaries}): how it ended, its active time, what it ended
 * with, and its latest updates and notes. The summary is bounded, so that long sessions
 * do not bloat their task: the latest {@value #ENTRIES} updates and notes, each cut to
 * {@value #ENTRY_CHARACTERS} characters, and the latest {@value #SESSIONS} sessions.
 */
@Component
class SessionSummaries {

	static final int SESSIONS = 5;

	static final int ENTRIES = 20;

	static final int ENTRY_CHARACTERS = 500;

	static final int SUMMARY_CHARACTERS = 2000;

	private final SessionNotes notes;

	private final SessionTimes times;

	private final TaskManagement tasks;

	private final JsonDocuments json;

	SessionSummaries(SessionNotes notes, SessionTimes times, TaskManagement tasks, JsonDocuments json) {
		this.notes = notes;
		this.times = times;
		this.tasks = tasks;
		this.json = json;
	}

	/**
	 * Keeps the summary of a session that ended, in the transaction that ended it.
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void keep(SessionEnded ended) {
		WorkSession session = ended.session();
		SessionStatus outcome = ended.outcome();
		OffsetDateTime endedAt = ended.endedAt();
		String summary = ended.summary();
		if (session.taskCode() == null) {
			return;
		}
		List<SessionNote> all = this.notes.list(session.id());
		ObjectNode entry = this.json.newObject()
			.put("session_key", session.sessionKey())
			.put("agent_id", session.agentId());
		entry.set("started_at", this.json.tree(session.startedAt()));
		entry.set("ended_at", this.json.tree(endedAt));
		entry.put("status", outcome.value())
			.put("active_minutes", this.times.tally(session, endedAt).minutes())
			.put("summary", cut(summary, SUMMARY_CHARACTERS));
		entry.set("updates", latest(all, NoteKind.UPDATE));
		entry.put("update_count", all.stream().filter((note) -> note.kind() == NoteKind.UPDATE).count());
		entry.set("notes", latest(all, NoteKind.NOTE));
		entry.put("note_count", all.stream().filter((note) -> note.kind() == NoteKind.NOTE).count());
		this.tasks.addSessionSummary(session.taskCode(), entry, SESSIONS,
				new EventScope(session.sessionKey(), session.agentId(), session.correlationId()));
	}

	/** The texts of the latest notes of a kind, oldest first, each cut short. */
	private ArrayNode latest(List<SessionNote> all, NoteKind kind) {
		List<String> texts = all.stream()
			.filter((note) -> note.kind() == kind)
			.map((note) -> cut(note.text(), ENTRY_CHARACTERS))
			.toList();
		return this.json.mapper().valueToTree(texts.subList(Math.max(0, texts.size() - ENTRIES), texts.size()));
	}

	/** The text, cut to {@code max} characters (ending in '…') when longer. */
	static String cut(String text, int max) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String trimmed = text.strip();
		if (trimmed.codePointCount(0, trimmed.length()) <= max) {
			return trimmed;
		}
		return trimmed.substring(0, trimmed.offsetByCodePoints(0, max - 1)) + "…";
	}

}
