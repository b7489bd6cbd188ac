package io.phaseflow.session;

/**
 * What an answer about a session tells its agent: the time worked and the next
 * instructions. The guidance capability implements it from the workflow, the task and the
 * session's artifacts and notes; the session only asks.
 */
public interface SessionGuide {

	/** The CLI option a phase that decides QA is completed with. */
	String QA_OPTION = "--qa qa_passed|qa_failed";

	/** The QA outcome's argument in a call, for the agent to choose. */
	String QA_ARGUMENT = "<qa_passed|qa_failed>";

	/**
	 * The session's time and the instructions of an answer about it, to the completion of
	 * {@code completedPhase} when it is not null.
	 */
	Guidance guide(WorkSession session, String completedPhase);

	/**
	 * The instructions for the session as it is now; {@code completedPhase} names the
	 * phase the caller just completed, if any.
	 */
	Instructions instructions(WorkSession session, String completedPhase);

	/** What {@link #guide} works out for one answer. */
	record Guidance(SessionTime time, Instructions instructions) {
	}

}
