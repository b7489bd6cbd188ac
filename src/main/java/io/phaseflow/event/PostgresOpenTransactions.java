package io.phaseflow.event;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's transaction snapshot: every transaction open now has an id below the
 * snapshot's {@code xmax}; once the oldest open one ({@code xmin}) is past an earlier
 * {@code xmax}, all transactions open back then have ended. The snapshot spans the whole
 * server, so long transactions of other databases delay it too (up to the stream's
 * {@code max-wait}).
 */
class PostgresOpenTransactions implements OpenTransactions {

	private final JdbcClient jdbc;

	PostgresOpenTransactions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Reading read() {
		return this.jdbc.sql("""
				SELECT CAST(CAST(pg_snapshot_xmin(s) AS text) AS bigint) AS xmin,
				       CAST(CAST(pg_snapshot_xmax(s) AS text) AS bigint) AS xmax
				FROM pg_current_snapshot() AS s
				""").query((rs, row) -> new Snapshot(rs.getLong("xmin"), rs.getLong("xmax"))).single();
	}

	record Snapshot(long xmin, long xmax) implements Reading {

		@Override
		public boolean endedSince(Reading earlier) {
			return this.xmin >= ((Snapshot) earlier).xmax();
		}

	}

}
