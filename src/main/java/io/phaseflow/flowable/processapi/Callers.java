package io.phaseflow.flowable.processapi;

import java.util.Set;

import io.phaseflow.common.RequestContext;
import org.flowable.common.engine.api.FlowableForbiddenException;
import org.flowable.task.api.TaskInfoQuery;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

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

	/** Whether the request only reads (GET or HEAD). */
	static boolean reading() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
				&& ("GET".equals(request.getRequest().getMethod()) || "HEAD".equals(request.getRequest().getMethod()));
	}

	/**
	 * Restricts a task query, of running or finished tasks, to those the caller is
	 * involved in (assigned to them, for example) or that are offered to their groups.
	 */
	static <T extends TaskInfoQuery<T, ?>> T involved(T query) {
		Set<String> groups = RequestContext.groups();
		query.or().taskInvolvedUser(RequestContext.actor());
		if (!groups.isEmpty()) {
			query.taskInvolvedGroups(groups);
		}
		return query.endOr();
	}

	/** Refuses (403) anyone but an ADMIN. */
	static void requireAdmin() {
		if (!isAdmin()) {
			throw new FlowableForbiddenException("Only an ADMIN may do this through the Flowable REST API");
		}
	}

}
