package io.phaseflow.security;

/**
 * What a token may do. ADMIN may do everything the others may.
 */
public enum Role {

	/** Works on tasks through sessions. */
	AGENT,
	/** Plans sprints and tasks. */
	PM,
	/** Decides override requests. */
	REVIEWER,
	/** Manages tokens, deployments and archiving; holds every other role. */
	ADMIN;

	/** The Spring Security authority of this role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
