package io.phaseflow.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The remembered answers, by caller and key. Expired keys count as absent.
 */
@Repository
class IdempotencyKeys {

	private static final Duration PURGE_EVERY = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final IdempotencyProperties properties;

	private final AtomicLong lastPurge = new AtomicLong();

	IdempotencyKeys(JdbcClient jdbc, Clock clock, IdempotencyProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	Optional<StoredAnswer> find(String actor, String key) {
		return this.jdbc.sql("""
				SELECT request_hash, status, content_type, location, body FROM idempotency_keys
				WHERE actor = :actor AND idempotency_key = :key AND expires_at > :now""")
			.param("actor", actor)
			.param("key", key)
			.param("now", now())
			.query((rs, row) -> new StoredAnswer(rs.getString(1).trim(), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.optional();
	}

	/**
	 * Holds the key for a request that is about to run, in the request's transaction: a
	 * second request with the key waits here until the first one ends, and then fails
	 * with a duplicate key if the first was remembered.
	 */
	void reserve(String actor, String key, String requestHash) {
		remember(actor, key, new StoredAnswer(requestHash, 0, null, null, null));
	}

	/** Stores the answer of the request that holds the key. */
	void complete(String actor, String key, StoredAnswer answer) {
		this.jdbc.sql("""
				UPDATE idempotency_keys SET status = :status, content_type = :contentType, location = :location,
				    body = :body
				WHERE actor = :actor AND idempotency_key = :key""")
			.param("actor", actor)
			.param("key", key)
			.param("status", answer.status())
			.param("contentType", answer.contentType())
			.param("location", answer.location())
			.param("body", answer.body())
			.update();
	}

	/**
	 * Remembers an answer. Fails with a duplicate key while another request holding the
	 * same key has not ended (the database makes this call wait for it).
	 */
	void remember(String actor, String key, StoredAnswer answer) {
		forgetExpired(actor, key);
		purgeNowAndThen();
		OffsetDateTime now = now();
		this.jdbc.sql("""
				INSERT INTO idempotency_keys (actor, idempotency_key, request_hash, status, content_type, location,
				    body, created_at, expires_at)
				VALUES (:actor, :key, :hash, :status, :contentType, :location, :body, :now, :expires)""")
			.param("actor", actor)
			.param("key", key)
			.param("hash", answer.requestHash())
			.param("status", answer.status())
			.param("contentType", answer.contentType())
			.param("location", answer.location())
			.param("body", answer.body())
			.param("now", now)
			.param("expires", now.plus(this.properties.ttl()))
			.update();
	}

	/** Deletes all expired keys at most once an hour per instance. */
	private void purgeNowAndThen() {
		long now = this.clock.millis();
		long last = this.lastPurge.get();
		if (now - last >= PURGE_EVERY.toMillis() && this.lastPurge.compareAndSet(last, now)) {
			purgeExpired();
		}
	}

	/** Deletes the expired keys; returns how many. */
	int purgeExpired() {
		return this.jdbc.sql("DELETE FROM idempotency_keys WHERE expires_at <= :now").param("now", now()).update();
	}

	private void forgetExpired(String actor, String key) {
		this.jdbc
			.sql("DELETE FROM idempotency_keys WHERE actor = :actor AND idempotency_key = :key"
					+ " AND expires_at <= :now")
			.param("actor", actor)
			.param("key", key)
			.param("now", now())
			.update();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(Instant.now(this.clock), ZoneOffset.UTC);
	}

}
