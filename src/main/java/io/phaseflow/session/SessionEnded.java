package io.phaseflow.session;

import java.time.OffsetDateTime;

/**
 * A session ended, in the transaction that ended it: listeners that keep something of it
 * (its summary, with its task) run in that transaction and fail it if they fail.
 *
 * @param summary what the session ended with (completion notes, its SUMMARY.md, the
 * reason it was stopped), or null
 */
public record SessionEnded(WorkSession session, SessionStatus outcome, OffsetDateTime endedAt, String summary) {
}
