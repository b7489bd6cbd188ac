package io.phaseflow.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code api_tokens} table.
 */
@Repository
class ApiTokens {

	private final JdbcClient jdbc;

	ApiTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String name, Set<Role> roles, String tokenHash, Long agentId, String createdBy, OffsetDateTime now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO api_tokens (name, roles, token_hash, agent_id, created_by, created_at)
				VALUES (:name, :roles, :hash, :agentId, :createdBy, :now)
				""")
			.param("name", name)
			.param("roles", roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")))
			.param("hash", tokenHash)
			.param("agentId", agentId)
			.param("createdBy", createdBy)
			.param("now", now)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<ApiToken> findActiveByHash(String tokenHash) {
		return this.jdbc.sql("SELECT * FROM api_tokens WHERE token_hash = :hash AND revoked_at IS NULL")
			.param("hash", tokenHash)
			.query(this::map)
			.optional();
	}

	Optional<ApiToken> findActiveByName(String name) {
		return this.jdbc.sql("SELECT * FROM api_tokens WHERE name = :name AND revoked_at IS NULL")
			.param("name", name)
			.query(this::map)
			.optional();
	}

	Optional<ApiToken> findById(long id) {
		return this.jdbc.sql("SELECT * FROM api_tokens WHERE id = :id").param("id", id).query(this::map).optional();
	}

	/** Which of these token names belong to active tokens. */
	List<String> activeNames(Collection<String> names) {
		return this.jdbc.sql("SELECT name FROM api_tokens WHERE revoked_at IS NULL AND name IN (:names)")
			.param("names", names)
			.query(String.class)
			.list();
	}

	List<ApiToken> findAll() {
		return this.jdbc.sql("SELECT * FROM api_tokens ORDER BY id").query(this::map).list();
	}

	boolean isEmpty() {
		return this.jdbc.sql("SELECT COUNT(*) FROM api_tokens").query(Long.class).single() == 0;
	}

	/**
	 * Active tokens holding ADMIN, locked so that two revocations cannot both pass the
	 * last-admin check.
	 */
	List<ApiToken> lockActiveAdmins() {
		return this.jdbc.sql("SELECT * FROM api_tokens WHERE revoked_at IS NULL AND roles LIKE '%ADMIN%' FOR UPDATE")
			.query(this::map)
			.list();
	}

	void revoke(long id, OffsetDateTime now) {
		this.jdbc.sql("UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
			.param("now", now)
			.param("id", id)
			.update();
	}

	private ApiToken map(ResultSet rs, int row) throws SQLException {
		Set<Role> roles = Arrays.stream(rs.getString("roles").split(","))
			.map(Role::valueOf)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
		return new ApiToken(rs.getLong("id"), rs.getString("name"), roles, rs.getObject("agent_id", Long.class),
				rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("revoked_at", OffsetDateTime.class));
	}

}
