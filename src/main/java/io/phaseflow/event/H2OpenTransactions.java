package io.phaseflow.event;

import java.util.Collections;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * H2's sessions with uncommitted changes. A session that commits and soon writes again
 * looks as if it never ended, which only makes the stream wait longer (up to its
 * {@code max-wait}).
 */
class H2OpenTransactions implements OpenTransactions {

	private final JdbcClient jdbc;

	H2OpenTransactions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Reading read() {
		return new Sessions(Set.copyOf(this.jdbc.sql("""
				SELECT SESSION_ID FROM INFORMATION_SCHEMA.SESSIONS
				WHERE CONTAINS_UNCOMMITTED AND SESSION_ID <> SESSION_ID()
				""").query(Long.class).list()));
	}

	record Sessions(Set<Long> ids) implements Reading {

		@Override
		public boolean endedSince(Reading earlier) {
			return Collections.disjoint(this.ids, ((Sessions) earlier).ids());
		}

	}

}
