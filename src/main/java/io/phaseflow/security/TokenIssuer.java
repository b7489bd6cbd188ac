package io.phaseflow.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.phaseflow.agent.AgentRegistry;
import io.phaseflow.common.Clocks;
import io.phaseflow.common.CodeAlreadyTaken;
import io.phaseflow.common.ContentHash;
import io.phaseflow.common.EntityNotFound;
import io.phaseflow.common.RuleBroken;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, finds and revokes API tokens. A token's secret is 256 random bits; only its
 * SHA-256 is stored.
 */
@Service
public class TokenIssuer {

	private static final String PREFIX = "pf_";

	private final SecureRandom random = new SecureRandom();

	private final ApiTokens tokens;

	private final Clock clock;

	private final AgentRegistry agents;

	private final ApplicationEventPublisher publisher;

	TokenIssuer(ApiTokens tokens, Clock clock, AgentRegistry agents, ApplicationEventPublisher publisher) {
		this.publisher = publisher;
		this.agents = agents;
		this.tokens = tokens;
		this.clock = clock;
	}

	@Transactional
	public IssuedToken issue(String name, Set<Role> roles, Long agentId, String createdBy) {
		if (roles.isEmpty()) {
			throw new RuleBroken("roles", "must name at least one role");
		}
		if (agentId == null && TokenUser.needsAgent(roles)) {
			throw new RuleBroken("agent_id",
					"is required for an AGENT token without PM or ADMIN: such a token acts for one agent");
		}
		if (agentId != null && this.agents.find(agentId).isEmpty()) {
			throw new RuleBroken("agent_id", "names no agent");
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		long id;
		try {
			id = this.tokens.insert(name, roles, ContentHash.sha256Hex(secret), agentId, createdBy,
					Clocks.now(this.clock));
		}
		catch (DuplicateKeyException ex) {
			throw new CodeAlreadyTaken("token", "name", name);
		}
		ApiToken issued = this.tokens.findById(id).orElseThrow();
		this.publisher.publishEvent(new TokenChanged(issued, true));
		return new IssuedToken(issued, secret);
	}

	/**
	 * The active token with this secret, if any. One query, run on its own: every request
	 * asks, and a transaction around it would cost two more round trips to the database.
	 */
	public Optional<ApiToken> authenticate(String secret) {
		return this.tokens.findActiveByHash(ContentHash.sha256Hex(secret));
	}

	/**
	 * The user the active token with this secret signs in as: the token's name, with its
	 * roles as authorities. API calls (bearer token) and the web pages (login form) sign
	 * in the same way.
	 * @throws UsernameNotFoundException if no active token has this secret
	 */
	public UserDetails user(String secret) {
		return authenticate(secret).<UserDetails>map(TokenUser::new)
			.orElseThrow(() -> new UsernameNotFoundException("Unknown or revoked token"));
	}

	/**
	 * Which of these token names (as callers are named) belong to tokens that are still
	 * active; one query, run on its own like {@link #authenticate(String)}.
	 */
	public Set<String> activeAmong(Collection<String> names) {
		return names.isEmpty() ? Set.of() : Set.copyOf(this.tokens.activeNames(names));
	}

	/** Whether the token with this name (as callers are named) is still active. */
	public boolean isActive(String name) {
		return !this.tokens.activeNames(List.of(name)).isEmpty();
	}

	/**
	 * The roles of the active token with this name (as callers are named), none when
	 * there is no such token.
	 */
	public Set<Role> activeRoles(String name) {
		return this.tokens.findActiveByName(name).map(ApiToken::roles).orElse(Set.of());
	}

	@Transactional(readOnly = true)
	public List<ApiToken> list() {
		return this.tokens.findAll();
	}

	/**
	 * Revokes a token; revoking a revoked token changes nothing. The last active ADMIN
	 * token stays.
	 */
	@Transactional
	public ApiToken revoke(long id) {
		ApiToken token = this.tokens.findById(id).orElseThrow(() -> new EntityNotFound("token", id));
		if (token.active() && token.roles().contains(Role.ADMIN)
				&& this.tokens.lockActiveAdmins().stream().filter((t) -> t.id() != id).findAny().isEmpty()) {
			throw new LastAdminToken();
		}
		if (!token.active()) {
			return token;
		}
		this.tokens.revoke(id, Clocks.now(this.clock));
		ApiToken revoked = this.tokens.findById(id).orElseThrow();
		this.publisher.publishEvent(new TokenChanged(revoked, false));
		return revoked;
	}

	/** Whether no token was ever issued (a fresh database). */
	@Transactional(readOnly = true)
	public boolean noneIssued() {
		return this.tokens.isEmpty();
	}

}
