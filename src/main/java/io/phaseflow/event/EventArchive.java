package io.phaseflow.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.phaseflow.common.PhaseflowException;
import io.phaseflow.common.PhaseflowException.Kind;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves events older than the retention from {@code orchestration_events} to
 * {@code orchestration_events_archive}, in batches of one transaction each, keeping the
 * events of high-priority tasks (P0/P1) as configured. A run holds a lock in the
 * database, so instances sharing it never archive at the same time; a run started
 * elsewhere makes this one a 409 (by hand) or a no-op (scheduled).
 */
@Service
public class EventArchive {

	private static final Logger log = LoggerFactory.getLogger(EventArchive.class);

	static final String LOCK = "event-archive";

	private static final Duration LOCK_AT_MOST = Duration.ofMinutes(30);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final LockingTaskExecutor locks;

	private final ArchiveProperties properties;

	private final Clock clock;

	EventArchive(JdbcClient jdbc, PlatformTransactionManager transactions, LockProvider locks,
			ArchiveProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.locks = new DefaultLockingTaskExecutor(locks);
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Archives every event that is due.
	 * @throws ArchivingElsewhere if another run holds the lock
	 */
	public ArchiveReport archive() {
		Instant now = this.clock.instant();
		try {
			LockingTaskExecutor.TaskResult<ArchiveReport> result = this.locks.executeWithLock(() -> run(now),
					new LockConfiguration(now, LOCK, LOCK_AT_MOST, Duration.ZERO));
			if (!result.wasExecuted()) {
				throw new ArchivingElsewhere();
			}
			return result.getResult();
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Archiving failed", ex);
		}
	}

	@Scheduled(cron = "${phaseflow.events.archive.cron:0 17 3 * * *}")
	void archiveOnSchedule() {
		try {
			ArchiveReport report = archive();
			log.info("Archived {} events in {} batches", report.archived(), report.batches());
		}
		catch (ArchivingElsewhere ex) {
			log.info("Event archiving runs on another instance; skipped here");
		}
	}

	private ArchiveReport run(Instant now) {
		OffsetDateTime cutoff = OffsetDateTime.ofInstant(now.minus(this.properties.retention()), ZoneOffset.UTC);
		OffsetDateTime keptAfter = (this.properties.highPriorityRetention() != null)
				? OffsetDateTime.ofInstant(now.minus(this.properties.highPriorityRetention()), ZoneOffset.UTC) : null;
		OffsetDateTime archivedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		long archived = 0;
		int batches = 0;
		long after = 0;
		while (true) {
			long from = after;
			Batch batch = this.transactions.execute((status) -> batch(from, cutoff, keptAfter, archivedAt));
			if (batch == null || batch.moved() == 0) {
				return new ArchiveReport(archived, batches, cutoff, keptAfter);
			}
			archived += batch.moved();
			batches++;
			after = batch.lastId();
		}
	}

	/**
	 * Moves the next due events with ids above {@code after}. Each batch goes on from the
	 * last one's highest id, so the database walks the log once along its primary key and
	 * the events that are kept are passed over once per run, not once per batch.
	 */
	private Batch batch(long after, OffsetDateTime cutoff, OffsetDateTime keptAfter, OffsetDateTime archivedAt) {
		// An event is kept for its own task or for its session's task: two checks by key.
		// One check with an OR of the two made H2 scan every task for every event (95 s
		// for a batch at 80,000 events and 13,600 tasks; docs/BENCHMARKS.md).
		List<Long> ids = this.jdbc.sql("""
				SELECT e.id FROM orchestration_events e
				WHERE e.id > :after AND e.emitted_at < :cutoff
				  AND NOT EXISTS (
				    SELECT 1 FROM orchestration_tasks t
				    WHERE e.entity_type = 'task' AND t.id = e.entity_id
				      AND t.priority IN (:priorities) AND (:forever OR e.emitted_at >= :keptAfter))
				  AND NOT EXISTS (
				    SELECT 1 FROM work_sessions s JOIN orchestration_tasks t ON t.id = s.task_id
				    WHERE s.session_key = e.session_key
				      AND t.priority IN (:priorities) AND (:forever OR e.emitted_at >= :keptAfter))
				ORDER BY e.id
				FETCH FIRST :batch ROWS ONLY""")
			.param("after", after)
			.param("cutoff", cutoff)
			.param("priorities", this.properties.highPriorities())
			.param("forever", keptAfter == null)
			.param("keptAfter", (keptAfter != null) ? keptAfter : cutoff)
			.param("batch", this.properties.batchSize())
			.query(Long.class)
			.list();
		if (ids.isEmpty()) {
			return new Batch(0, after);
		}
		this.jdbc.sql("""
				INSERT INTO orchestration_events_archive (id, event_type, entity_type, entity_id, entity_code,
				    correlation_id, session_key, agent_id, payload, emitted_at, archived_at)
				SELECT id, event_type, entity_type, entity_id, entity_code, correlation_id, session_key, agent_id,
				    payload, emitted_at, :archivedAt
				FROM orchestration_events WHERE id IN (:ids)""")
			.param("archivedAt", archivedAt)
			.param("ids", ids)
			.update();
		int moved = this.jdbc.sql("DELETE FROM orchestration_events WHERE id IN (:ids)").param("ids", ids).update();
		return new Batch(moved, ids.get(ids.size() - 1));
	}

	/** What one batch moved, and the highest id it moved (the next batch's start). */
	private record Batch(int moved, long lastId) {
	}

	/** Another instance (or request) is archiving right now. */
	public static class ArchivingElsewhere extends PhaseflowException {

		ArchivingElsewhere() {
			super(Kind.CONFLICT, "Event archiving is already running (on this or another instance)", List.of());
		}

		@Override
		public String title() {
			return "Conflict";
		}

	}

}
