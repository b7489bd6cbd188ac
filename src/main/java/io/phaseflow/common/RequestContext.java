package io.phaseflow.common;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.MDC;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting and under which correlation id, for the request (or job) on this thread.
 */
public final class RequestContext {

	/** MDC key holding the correlation id; it also appears in log lines. */
	public static final String CORRELATION_ID = "correlation_id";

	/** The actor recorded when no one is authenticated (start-up, scheduled jobs). */
	public static final String SYSTEM_ACTOR = "system";

	private RequestContext() {
	}

	/**
	 * The correlation id of the current request, or a new one if there is none. A new one
	 * is kept for the rest of the work on this thread.
	 */
	public static String correlationId() {
		String id = MDC.get(CORRELATION_ID);
		if (id == null) {
			id = UUID.randomUUID().toString();
			MDC.put(CORRELATION_ID, id);
		}
		return id;
	}

	/**
	 * The groups the caller belongs to for candidate-group checks: one per role, named as
	 * workflow.yaml names them ({@code REVIEWER} → {@code reviewers}).
	 */
	public static Set<String> groups() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return Set.of();
		}
		return authentication.getAuthorities()
			.stream()
			.map((authority) -> group(authority.getAuthority().replaceFirst("^ROLE_", "")))
			.collect(Collectors.toUnmodifiableSet());
	}

	/** The candidate group of a role: {@code REVIEWER} → {@code reviewers}. */
	public static String group(String role) {
		return role.toLowerCase(Locale.ROOT) + "s";
	}

	/**
	 * The agent the caller's token acts for, or null: a token bound to no agent, or no
	 * caller at all (start-up, scheduled jobs).
	 */
	public static Long agentId() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof TokenCaller caller)
				? caller.agentId() : null;
	}

	/**
	 * Whether the caller may act for any agent: a PM or ADMIN token, or Phaseflow itself
	 * (no caller). Every other caller acts only for its token's agent.
	 */
	public static boolean actsForAnyAgent() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return true;
		}
		return authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> "ROLE_PM".equals(authority.getAuthority())
					|| "ROLE_ADMIN".equals(authority.getAuthority()));
	}

	/** The name of the authenticated caller, or {@value #SYSTEM_ACTOR}. */
	public static String actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.isAuthenticated()) ? authentication.getName() : SYSTEM_ACTOR;
	}

}
