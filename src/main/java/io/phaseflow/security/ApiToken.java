package io.phaseflow.security;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A token as stored: never its secret, only the secret's SHA-256.
 */
public record ApiToken(long id, String name, Set<Role> roles, Long agentId, String createdBy, OffsetDateTime createdAt,
		OffsetDateTime revokedAt) {

	public boolean active() {
		return this.revokedAt == null;
	}

}
