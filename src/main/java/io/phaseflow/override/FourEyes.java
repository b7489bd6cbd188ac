package io.phaseflow.override;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.phaseflow.common.PhaseflowException;
import io.phaseflow.common.PhaseflowException.Kind;
import io.phaseflow.common.RequestContext;
import io.phaseflow.session.WorkSession;
import io.phaseflow.session.WorkSessions;
import io.phaseflow.session.access.Refusals;
import io.phaseflow.workflow.WorkflowEngine.PendingOverride;

import org.springframework.stereotype.Component;

/**
 * The four-eyes rule of override decisions: the caller that requested an override, any
 * token of the agent whose session requested it and any token of the session's present
 * agent never decide it, whatever roles they hold; and a task a reviewer claimed is
 * decided by that reviewer (or an ADMIN). The same rule holds on every path: the inbox,
 * the pages and Flowable's REST API.
 */
@Component
public class FourEyes {

	private final WorkSessions sessions;

	private final Refusals refusals;

	FourEyes(WorkSessions sessions, Refusals refusals) {
		this.sessions = sessions;
		this.refusals = refusals;
	}

	/** Whether the caller is barred from deciding (or claiming) the override. */
	public boolean isParty(PendingOverride pending) {
		return isParty(pending, this.sessions.findByKey(pending.sessionKey()));
	}

	/**
	 * Checks that the caller may decide (or claim) the override.
	 * @throws OwnOverride if the caller is a party to it; the refusal is recorded
	 */
	public void requireOtherReviewer(PendingOverride pending) {
		Optional<WorkSession> session = this.sessions.findByKey(pending.sessionKey());
		if (!isParty(pending, session)) {
			return;
		}
		OwnOverride refused = new OwnOverride();
		throw session.map((found) -> this.refusals.recorded(Refusals.Rule.FOUR_EYES, found, refused)).orElse(refused);
	}

	private static boolean isParty(PendingOverride pending, Optional<WorkSession> session) {
		if (Objects.equals(RequestContext.actor(), pending.requestedBy())) {
			return true;
		}
		Long own = RequestContext.agentId();
		return own != null && (own.equals(pending.requestedByAgentId())
				|| session.map((found) -> own.equals(found.agentId())).orElse(false));
	}

	/**
	 * Checks that the caller may complete the override task given who claimed it.
	 * @throws ClaimedByAnother if another reviewer claimed it
	 */
	public static void requireClaimHolder(PendingOverride pending, boolean admin) {
		if (pending.assignee() != null && !pending.assignee().equals(RequestContext.actor()) && !admin) {
			throw new ClaimedByAnother(pending.assignee());
		}
	}

	/** The caller requested the override, or acts for the agent whose session did. */
	public static class OwnOverride extends PhaseflowException {

		OwnOverride() {
			super(Kind.NOT_ALLOWED,
					"You cannot decide an override that you or your agent requested: " + "another reviewer decides it",
					List.of());
		}

		@Override
		public String title() {
			return "Four-eyes rule";
		}

	}

	/** Another reviewer claimed the override task. */
	public static class ClaimedByAnother extends PhaseflowException {

		ClaimedByAnother(String assignee) {
			super(Kind.CONFLICT, "Reviewer " + assignee + " claimed this override; only they (or an ADMIN) "
					+ "decide it, or they unclaim it first", List.of());
		}

		@Override
		public String title() {
			return "Claimed by another reviewer";
		}

	}

}
