package io.phaseflow.timetracking;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.phaseflow.common.Clocks;
import io.phaseflow.report.TaskTimes;
import io.phaseflow.session.SessionTime;
import io.phaseflow.session.WorkSession;
import io.phaseflow.session.WorkSessions;
import io.phaseflow.task.Task;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Time tracking: the active time of sessions and tasks, worked out from the sessions'
 * events (see {@link ActiveTime}). A running session's time runs until now.
 */
@Component
public class SessionTimes implements TaskTimes {

	private final JdbcClient jdbc;

	private final WorkSessions sessions;

	private final Clock clock;

	SessionTimes(JdbcClient jdbc, WorkSessions sessions, Clock clock) {
		this.jdbc = jdbc;
		this.sessions = sessions;
		this.clock = clock;
	}

	/**
	 * The session's time, with its task's estimate and the task's time over all its
	 * sessions.
	 */
	public SessionTime of(WorkSession session, Task task) {
		List<WorkSession> ofTask = (session.taskId() != null) ? this.sessions.findByTask(session.taskId())
				: List.of(session);
		Map<String, ActiveTime.Tally> tallies = tallies(ofTask);
		Duration taskTime = tallies.values()
			.stream()
			.map(ActiveTime.Tally::total)
			.reduce(Duration.ZERO, Duration::plus);
		return time(tallies.getOrDefault(session.sessionKey(), ActiveTime.Tally.NONE), taskTime.toMinutes(),
				task.estimateMinutes());
	}

	private static SessionTime time(ActiveTime.Tally session, long taskMinutes, Integer estimate) {
		Long remaining = (estimate != null) ? Math.max(0, estimate - taskMinutes) : null;
		return new SessionTime(session.minutes(), session.minutesByPhase(), estimate, remaining,
				estimate != null && taskMinutes > estimate, taskMinutes);
	}

	/** The session's active time until {@code end}. */
	public ActiveTime.Tally tally(WorkSession session, OffsetDateTime end) {
		return ActiveTime.of(session.startedAt(), end,
				marks(List.of(session.sessionKey())).getOrDefault(session.sessionKey(), List.of()));
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, Long> activeMinutesOfSprint(String sprintCode) {
		List<WorkSession> ofSprint = this.sessions.findBySprint(sprintCode);
		Map<String, ActiveTime.Tally> tallies = tallies(ofSprint);
		Map<String, Duration> byTask = new LinkedHashMap<>();
		ofSprint.forEach((session) -> byTask.merge(session.taskCode(), tallies.get(session.sessionKey()).total(),
				Duration::plus));
		Map<String, Long> minutes = new LinkedHashMap<>();
		byTask.forEach((task, time) -> minutes.put(task, time.toMinutes()));
		return minutes;
	}

	private Map<String, ActiveTime.Tally> tallies(Collection<WorkSession> of) {
		Map<String, List<ActiveTime.Mark>> marks = marks(of.stream().map(WorkSession::sessionKey).toList());
		OffsetDateTime now = Clocks.now(this.clock);
		Map<String, ActiveTime.Tally> tallies = new HashMap<>();
		for (WorkSession session : of) {
			OffsetDateTime end = (session.status().isTerminal() && session.completedAt() != null)
					? session.completedAt() : now;
			tallies.put(session.sessionKey(),
					ActiveTime.of(session.startedAt(), end, marks.getOrDefault(session.sessionKey(), List.of())));
		}
		return tallies;
	}

	/**
	 * The marks of each session's events, oldest first: only the event types that
	 * {@link ActiveTime.Mark#of} turns into marks are read, not a session's notes,
	 * context updates or other events.
	 */
	private Map<String, List<ActiveTime.Mark>> marks(List<String> sessionKeys) {
		Map<String, List<ActiveTime.Mark>> marks = new HashMap<>();
		if (sessionKeys.isEmpty()) {
			return marks;
		}
		this.jdbc.sql("""
				SELECT session_key, event_type, emitted_at FROM orchestration_events
				WHERE session_key IN (:keys)
				    AND (event_type IN (:clockEvents) OR event_type LIKE :phaseStart)
				ORDER BY id
				""")
			.param("keys", sessionKeys)
			.param("clockEvents", ActiveTime.CLOCK_EVENTS.keySet())
			.param("phaseStart", ActiveTime.PHASE_START_LIKE)
			.query((rs, row) -> {
				String key = rs.getString("session_key");
				ActiveTime.Mark.of(rs.getString("event_type"), rs.getObject("emitted_at", OffsetDateTime.class))
					.ifPresent((mark) -> marks.computeIfAbsent(key, (k) -> new ArrayList<>()).add(mark));
				return row;
			})
			.list();
		return marks;
	}

}
