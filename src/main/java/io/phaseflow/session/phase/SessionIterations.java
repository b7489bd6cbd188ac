package io.phaseflow.session.phase;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.phaseflow.common.Clocks;
import io.phaseflow.common.Drafts;
import io.phaseflow.common.EntityNotFound;
import io.phaseflow.common.JsonDocuments;
import io.phaseflow.common.RuleBroken;
import io.phaseflow.event.EventTypes;
import io.phaseflow.session.Guided;
import io.phaseflow.session.IllegalSessionTransition;
import io.phaseflow.session.SessionEvents;
import io.phaseflow.session.SessionViews;
import io.phaseflow.session.WorkSession;
import io.phaseflow.session.WorkSessions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The iteration log of a session: numbers are sequential per session; logging one makes
 * it the session's current iteration. A review that fails QA starts the next iteration.
 */
@Service
public class SessionIterations {

	private static final Set<String> FINISHED = Set.of("completed", "failed", "qa_passed", "qa_failed");

	private final SessionViews views;

	private final WorkSessions sessions;

	private final SessionEvents events;

	private final JdbcClient jdbc;

	private final JsonDocuments json;

	private final Drafts drafts;

	private final Clock clock;

	SessionIterations(SessionViews views, WorkSessions sessions, SessionEvents events, JdbcClient jdbc,
			JsonDocuments json, Drafts drafts, Clock clock) {
		this.views = views;
		this.sessions = sessions;
		this.events = events;
		this.jdbc = jdbc;
		this.json = json;
		this.drafts = drafts;
		this.clock = clock;
	}

	@Transactional
	public Guided<IterationLog> log(String sessionKey, IterationReport report) {
		this.drafts.validate(report);
		WorkSession session = this.views.owned(sessionKey);
		if (session.status().isTerminal()) {
			throw new IllegalSessionTransition("given iterations", session.status());
		}
		int next = nextNumber(session);
		if (report.iterationNumber() != null && report.iterationNumber() != next) {
			throw new RuleBroken("iteration_number", "must be " + next + " (iterations are sequential)");
		}
		String status = (report.status() != null) ? report.status() : "running";
		OffsetDateTime now = Clocks.now(this.clock);
		this.jdbc.sql("""
				INSERT INTO iteration_logs (session_id, iteration_number, status, summary, tokens_input, tokens_output,
				    cost, started_at, completed_at)
				VALUES (:sessionId, :number, :status, :summary, :tokensInput, :tokensOutput, :cost, :now, :completedAt)
				""")
			.param("sessionId", session.id())
			.param("number", next)
			.param("status", status)
			.param("summary", report.summary())
			.param("tokensInput", report.tokensInput())
			.param("tokensOutput", report.tokensOutput())
			.param("cost", report.cost())
			.param("now", now)
			.param("completedAt", FINISHED.contains(status) ? now : null)
			.update();
		this.sessions.iterationStarted(session.id(), next, now);
		this.events.emit(session, EventTypes.ITERATION_LOGGED,
				this.json.newObject().put("iteration", next).put("status", status).put("summary", report.summary()));
		return this.views.guided(sessionKey, find(session.id(), next).orElseThrow());
	}

	@Transactional
	public Guided<IterationLog> update(String sessionKey, int number, IterationReport report) {
		this.drafts.validate(report);
		WorkSession session = this.views.owned(sessionKey);
		IterationLog current = find(session.id(), number).orElseThrow(() -> new EntityNotFound("iteration", number));
		if (report.iterationNumber() != null && report.iterationNumber() != number) {
			throw new RuleBroken("iteration_number", "cannot be changed");
		}
		String status = (report.status() != null) ? report.status() : current.status();
		OffsetDateTime completedAt = FINISHED.contains(status)
				? ((current.completedAt() != null) ? current.completedAt() : Clocks.now(this.clock)) : null;
		this.jdbc.sql("""
				UPDATE iteration_logs SET status = :status, summary = :summary, tokens_input = :tokensInput,
				    tokens_output = :tokensOutput, cost = :cost, completed_at = :completedAt
				WHERE session_id = :sessionId AND iteration_number = :number
				""")
			.param("status", status)
			.param("summary", (report.summary() != null) ? report.summary() : current.summary())
			.param("tokensInput", (report.tokensInput() != null) ? report.tokensInput() : current.tokensInput())
			.param("tokensOutput", (report.tokensOutput() != null) ? report.tokensOutput() : current.tokensOutput())
			.param("cost", (report.cost() != null) ? report.cost() : current.cost())
			.param("completedAt", completedAt)
			.param("sessionId", session.id())
			.param("number", number)
			.update();
		this.events.emit(session, EventTypes.ITERATION_LOGGED,
				this.json.newObject().put("iteration", number).put("status", status).put("updated", true));
		return this.views.guided(sessionKey, find(session.id(), number).orElseThrow());
	}

	/**
	 * Review failed QA and the session starts iteration {@code next}: the previous
	 * iteration's log (if the agent kept one) is marked qa_failed, and the new one is
	 * opened as running.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void qaFailedLoop(WorkSession session, int next, OffsetDateTime now) {
		this.jdbc.sql("""
				UPDATE iteration_logs SET status = 'qa_failed', completed_at = COALESCE(completed_at, :now)
				WHERE session_id = :sessionId AND iteration_number = :previous
				""").param("now", now).param("sessionId", session.id()).param("previous", next - 1).update();
		if (find(session.id(), next).isEmpty()) {
			this.jdbc.sql("""
					INSERT INTO iteration_logs (session_id, iteration_number, status, summary, started_at)
					VALUES (:sessionId, :number, 'running', 'started after review failed QA', :now)
					""").param("sessionId", session.id()).param("number", next).param("now", now).update();
		}
	}

	@Transactional(readOnly = true)
	public List<IterationLog> list(String sessionKey) {
		return this.jdbc.sql("SELECT * FROM iteration_logs WHERE session_id = :id ORDER BY iteration_number")
			.param("id", this.views.find(sessionKey).id())
			.query(SessionIterations::map)
			.list();
	}

	/** The current iteration if it has no log yet, else the one after the last logged. */
	private int nextNumber(WorkSession session) {
		int last = this.jdbc.sql("SELECT COALESCE(MAX(iteration_number), 0) FROM iteration_logs WHERE session_id = :id")
			.param("id", session.id())
			.query(Integer.class)
			.single();
		return Math.max(last + 1, session.currentIteration());
	}

	private Optional<IterationLog> find(long sessionId, int number) {
		return this.jdbc.sql("SELECT * FROM iteration_logs WHERE session_id = :id AND iteration_number = :number")
			.param("id", sessionId)
			.param("number", number)
			.query(SessionIterations::map)
			.optional();
	}

	/**
	 * Reads a row by its column names (as {@code SessionArtifacts.map} does, and why).
	 */
	private static IterationLog map(ResultSet rs, int row) throws SQLException {
		return new IterationLog(rs.getInt("iteration_number"), rs.getString("status"), rs.getString("summary"),
				rs.getObject("tokens_input", Long.class), rs.getObject("tokens_output", Long.class),
				rs.getBigDecimal("cost"), rs.getObject("started_at", OffsetDateTime.class),
				rs.getObject("completed_at", OffsetDateTime.class));
	}

}
