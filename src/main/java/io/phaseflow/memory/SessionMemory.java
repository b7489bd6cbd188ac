package io.phaseflow.memory;

import java.time.Clock;
import java.util.List;

import io.phaseflow.common.Clocks;
import io.phaseflow.common.Drafts;
import io.phaseflow.common.JsonDocuments;
import io.phaseflow.common.RequestContext;
import io.phaseflow.event.EventTypes;
import io.phaseflow.session.Guided;
import io.phaseflow.session.IllegalSessionTransition;
import io.phaseflow.session.SessionEvents;
import io.phaseflow.session.SessionViews;
import io.phaseflow.session.WorkSession;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Session notes, the session's memory (see {@link NoteKind}): each is stored with its
 * session and written as an event in the same transaction, {@value #CONTEXT_UPDATED} for
 * an update and {@value #NOTE_ADDED} for a note.
 */
@Service
public class SessionMemory {

	static final String CONTEXT_UPDATED = EventTypes.SESSION_CONTEXT_UPDATED;

	static final String NOTE_ADDED = EventTypes.SESSION_NOTE_ADDED;

	private final SessionViews views;

	private final SessionNotes notes;

	private final SessionEvents events;

	private final JsonDocuments json;

	private final Drafts drafts;

	private final Clock clock;

	SessionMemory(SessionViews views, SessionNotes notes, SessionEvents events, JsonDocuments json, Drafts drafts,
			Clock clock) {
		this.views = views;
		this.notes = notes;
		this.events = events;
		this.json = json;
		this.drafts = drafts;
		this.clock = clock;
	}

	/** Adds a note to a session that has not ended. */
	@Transactional
	public Guided<SessionNote> add(String sessionKey, NoteRequest request) {
		this.drafts.validate(request);
		WorkSession session = this.views.owned(sessionKey);
		if (session.status().isTerminal()) {
			throw new IllegalSessionTransition("given notes", session.status());
		}
		return this.views.guided(sessionKey, record(session, request.kind(), request.text()));
	}

	/** The session's notes, oldest first. */
	@Transactional(readOnly = true)
	public List<SessionNote> list(String sessionKey) {
		return this.notes.list(this.views.find(sessionKey).id());
	}

	/** Stores a note of the session with its event. */
	@Transactional(propagation = Propagation.MANDATORY)
	public SessionNote record(WorkSession session, NoteKind kind, String text) {
		SessionNote note = this.notes.insert(session.id(), kind, text, session.currentPhase(), RequestContext.actor(),
				Clocks.now(this.clock));
		this.events.emit(session, (kind == NoteKind.UPDATE) ? CONTEXT_UPDATED : NOTE_ADDED,
				this.json.newObject()
					.put("note_id", note.id())
					.put("kind", kind.value())
					.put("text", text)
					.put("phase", session.currentPhase()));
		return note;
	}

}
