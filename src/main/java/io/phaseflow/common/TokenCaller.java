package io.phaseflow.common;

/**
 * A caller signed in with an API token (bearer or the pages' login form): which agent it
 * acts for.
 */
public interface TokenCaller {

	/** The agent the token was issued for, or null for a token bound to no agent. */
	Long agentId();

}
