package io.phaseflow.flowable.processapi;

import io.phaseflow.common.RequestContext;
import org.flowable.common.engine.api.FlowableForbiddenException;

/**
 * Who calls Flowable's REST API: Flowable's authenticated user (the token's name) with
 * one group per role, so an ADMIN is a member of {@code admins}.
 */
final class Callers {

	private static final String ADMINS = "admins";

	private Callers() {
	}

	static boolean isAdmin() {
		return RequestContext.groups().contains(ADMINS);
	}

	/** Refuses (403) anyone but an ADMIN. */
	static void requireAdmin() {
		if (!isAdmin()) {
			throw new FlowableForbiddenException("Only an ADMIN may do this through the Flowable REST API");
		}
	}

}
