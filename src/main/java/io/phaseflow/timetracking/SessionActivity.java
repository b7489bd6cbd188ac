package io.phaseflow.timetracking;

import java.time.Clock;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.common.Clocks;
import io.phaseflow.common.Drafts;
import io.phaseflow.common.JsonDocuments;
import io.phaseflow.event.EventTypes;
import io.phaseflow.session.Guided;
import io.phaseflow.session.IllegalSessionTransition;
import io.phaseflow.session.SessionEvents;
import io.phaseflow.session.SessionViews;
import io.phaseflow.session.WorkItem;
import io.phaseflow.session.WorkSession;
import io.phaseflow.task.Task;
import io.phaseflow.task.Tasks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activity logging: each report is a work item of the session and, as
 * {@link ActivitySampling} decides, an {@code orchestration.activity.logged} event whose
 * payload carries the activity type and its details.
 */
@Service
public class SessionActivity {

	private final SessionViews views;

	private final SessionEvents events;

	private final JdbcClient jdbc;

	private final JsonDocuments json;

	private final Drafts drafts;

	private final Clock clock;

	private final ActivitySampling sampling;

	private final Tasks tasks;

	SessionActivity(SessionViews views, SessionEvents events, JdbcClient jdbc, JsonDocuments json, Drafts drafts,
			Clock clock, ActivitySampling sampling, Tasks tasks) {
		this.sampling = sampling;
		this.tasks = tasks;
		this.views = views;
		this.events = events;
		this.jdbc = jdbc;
		this.json = json;
		this.drafts = drafts;
		this.clock = clock;
	}

	private long reportsOf(WorkSession session) {
		return this.jdbc.sql("SELECT COUNT(*) FROM work_items WHERE session_id = :sessionId")
			.param("sessionId", session.id())
			.query(Long.class)
			.single();
	}

	private ObjectNode agentConfig(WorkSession session) {
		return (session.taskCode() != null)
				? this.tasks.findByCode(session.taskCode()).map(Task::agentConfig).orElse(null) : null;
	}

	@Transactional
	public Guided<WorkItem> log(String sessionKey, ActivityReport report) {
		this.drafts.validate(report);
		WorkSession session = this.views.owned(sessionKey);
		if (session.status().isTerminal()) {
			throw new IllegalSessionTransition("given activity", session.status());
		}
		ObjectNode details = (report.details() != null) ? report.details() : this.json.newObject();
		String description = (report.description() != null) ? report.description() : report.activityType();
		OffsetDateTime now = Clocks.now(this.clock);
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO work_items (session_id, type, description, details, completed, created_at)
				VALUES (:sessionId, :type, :description, CAST(:details AS json_document), TRUE, :now)
				""")
			.param("sessionId", session.id())
			.param("type", report.activityType())
			.param("description", description)
			.param("details", this.json.write(details))
			.param("now", now)
			.update(keys, "id");
		ObjectNode payload = this.json.newObject().put("activity_type", report.activityType());
		payload.setAll(details.deepCopy());
		payload.put("phase", session.currentPhase());
		if (this.sampling.emits(reportsOf(session), agentConfig(session))) {
			this.events.emit(session, EventTypes.ACTIVITY_LOGGED, payload);
		}
		return this.views.guided(sessionKey, new WorkItem(keys.getKeyAs(Number.class).longValue(), sessionKey,
				report.activityType(), description, details, true, now));
	}

}
