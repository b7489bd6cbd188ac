package io.phaseflow.override;

import java.util.List;
import java.util.Set;

import io.phaseflow.common.Drafts;
import io.phaseflow.common.EntityNotFound;
import io.phaseflow.common.PhaseflowException;
import io.phaseflow.common.PhaseflowException.Kind;
import io.phaseflow.common.RequestContext;
import io.phaseflow.session.PhaseCheck;
import io.phaseflow.session.SessionStatus;
import io.phaseflow.session.SessionView;
import io.phaseflow.session.SessionViews;
import io.phaseflow.session.WorkSession;
import io.phaseflow.workflow.SessionNotWaiting;
import io.phaseflow.workflow.WorkflowEngine;
import io.phaseflow.workflow.WorkflowEngine.PendingOverride;
import io.phaseflow.workflow.deployment.WorkflowConsistency;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reviewers' inbox: override requests waiting for approval, and decisions on them.
 * Only a member of the phase's candidate groups (or an admin) may decide.
 */
@Service
public class Overrides {

	private static final String ADMINS = "admins";

	private final WorkflowEngine engine;

	private final SessionViews views;

	private final Drafts drafts;

	private final FourEyes fourEyes;

	private final WorkflowConsistency consistency;

	Overrides(WorkflowEngine engine, SessionViews views, Drafts drafts, FourEyes fourEyes,
			WorkflowConsistency consistency) {
		this.consistency = consistency;
		this.fourEyes = fourEyes;
		this.engine = engine;
		this.views = views;
		this.drafts = drafts;
	}

	/** The pending overrides the caller may decide. */
	@Transactional(readOnly = true)
	public List<PendingOverride> inbox() {
		Set<String> groups = RequestContext.groups();
		return this.engine.pendingOverrides()
			.stream()
			.filter((pending) -> mayDecide(groups, pending) && !this.fourEyes.isParty(pending))
			.toList();
	}

	/**
	 * The pending overrides the caller may decide, each with the checks that failed and
	 * the agent's reason for skipping them.
	 */
	@Transactional(readOnly = true)
	public List<OverrideRequest> requests() {
		return inbox().stream().map(this::request).toList();
	}

	/**
	 * Approves or rejects a pending override; the process logs it and moves on or returns
	 * to the agent.
	 */
	@Transactional
	public SessionView decide(String overrideId, OverrideDecision decision) {
		this.drafts.validate(decision);
		this.consistency.requireConsistent();
		PendingOverride found = pending(overrideId);
		if (!mayDecide(RequestContext.groups(), found)) {
			throw new NotACandidate(found.candidateGroups());
		}
		// read again under the session's lock, so that a hand-over or a claim that
		// committed meanwhile is seen
		WorkSession session = this.views.locked(found.sessionKey());
		PendingOverride pending = pending(overrideId);
		this.fourEyes.requireOtherReviewer(pending);
		FourEyes.requireClaimHolder(pending, RequestContext.groups().contains(ADMINS));
		if (session.status() != SessionStatus.AWAITING_OVERRIDE) {
			throw new SessionNotWaiting("The session no longer waits for an override decision");
		}
		this.engine.decideOverride(overrideId, decision.decision().value(), decision.comment());
		return this.views.view(session.id());
	}

	private PendingOverride pending(String overrideId) {
		return this.engine.pendingOverride(overrideId).orElseThrow(() -> new EntityNotFound("override", overrideId));
	}

	private OverrideRequest request(PendingOverride pending) {
		WorkSession session = this.views.find(pending.sessionKey());
		PhaseCheck check = session.lastCheck();
		return (check == null)
				? new OverrideRequest(pending, session.taskCode(), session.agentId(), List.of(), List.of(), null)
				: new OverrideRequest(pending, session.taskCode(), session.agentId(), check.errors(), check.warnings(),
						check.reason());
	}

	private static boolean mayDecide(Set<String> groups, PendingOverride pending) {
		return groups.contains(ADMINS) || pending.candidateGroups().stream().anyMatch(groups::contains);
	}

	/** The caller is not in the candidate groups of the override. */
	static class NotACandidate extends PhaseflowException {

		NotACandidate(List<String> groups) {
			super(Kind.NOT_ALLOWED, "Only members of " + String.join(", ", groups) + " may decide this override",
					List.of());
		}

		@Override
		public String title() {
			return "Forbidden";
		}

	}

}
