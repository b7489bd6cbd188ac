package io.phaseflow.security;

import java.util.Set;

import io.phaseflow.common.TokenCaller;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The user a token signs in as: the token's name, its roles as authorities, and the agent
 * it acts for.
 */
final class TokenUser extends User implements TokenCaller {

	private final Long agentId;

	TokenUser(ApiToken token) {
		super(token.name(), "",
				token.roles().stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList());
		this.agentId = token.agentId();
	}

	@Override
	public Long agentId() {
		return this.agentId;
	}

	/** Whether a token of these roles must name the agent it acts for. */
	static boolean needsAgent(Set<Role> roles) {
		return roles.contains(Role.AGENT) && !roles.contains(Role.PM) && !roles.contains(Role.ADMIN);
	}

}
