package io.phaseflow.web;

import io.phaseflow.agent.AgentRegistry;
import io.phaseflow.common.EntityNotFound;
import io.phaseflow.common.PhaseflowException;
import io.phaseflow.common.WireValue;
import io.phaseflow.override.OverrideDecision;
import io.phaseflow.override.OverrideDecision.Decision;
import io.phaseflow.override.OverrideRequest;
import io.phaseflow.override.Overrides;
import io.phaseflow.session.SessionView;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reviewers' override inbox: each request with the checks that failed and the agent's
 * reason, approved or rejected with a comment. A decision leads to the session's page; a
 * decision that cannot be made (already decided, not a candidate) is explained on the
 * inbox.
 */
@Controller
class InboxController extends PageController {

	private final Overrides overrides;

	private final AgentRegistry agents;

	InboxController(Overrides overrides, AgentRegistry agents) {
		this.overrides = overrides;
		this.agents = agents;
	}

	@GetMapping("/ui/overrides")
	String inbox(Model model) {
		model.addAttribute("requests",
				this.overrides.requests()
					.stream()
					.map((request) -> Request.of(request, Formats.agent(this.agents, request.agentId())))
					.toList());
		return "inbox";
	}

	@PostMapping("/ui/overrides/{id}/decision")
	String decide(@PathVariable String id, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String comment, RedirectAttributes redirect) {
		Decision choice;
		try {
			choice = WireValue.parse(Decision.class, (decision != null) ? decision : "");
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("problem", "Choose approve or reject.");
			return "redirect:/ui/overrides";
		}
		SessionView session;
		try {
			session = this.overrides.decide(id,
					new OverrideDecision(choice, (comment != null && !comment.isBlank()) ? comment.strip() : null));
		}
		catch (EntityNotFound ex) {
			redirect.addFlashAttribute("problem", "This override has already been decided or no longer exists.");
			return "redirect:/ui/overrides";
		}
		catch (PhaseflowException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			return "redirect:/ui/overrides";
		}
		redirect.addFlashAttribute("notice", "Override " + ((choice == Decision.APPROVE) ? "approved" : "rejected")
				+ ". The session is now in the " + session.currentPhase() + " phase.");
		redirect.addAttribute("key", session.sessionKey());
		return "redirect:/ui/sessions/{key}";
	}

	/** An override request as the inbox lists it. */
	public record Request(String id, String sessionKey, String taskCode, String agent, String phase, String requestedAt,
			String groups, String claimedBy, OverrideRequest details) {

		static Request of(OverrideRequest request, String agent) {
			var pending = request.pending();
			return new Request(pending.id(), pending.sessionKey(), request.taskCode(), agent, pending.phase(),
					Formats.at(pending.requestedAt()), String.join(", ", pending.candidateGroups()), pending.assignee(),
					request);
		}

	}

}
