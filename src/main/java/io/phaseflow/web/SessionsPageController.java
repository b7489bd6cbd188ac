package io.phaseflow.web;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import io.phaseflow.agent.Agent;
import io.phaseflow.agent.AgentRegistry;
import io.phaseflow.common.Clocks;
import io.phaseflow.common.Codes;
import io.phaseflow.common.EntityNotFound;
import io.phaseflow.common.PageQuery;
import io.phaseflow.session.SessionFilter;
import io.phaseflow.session.SessionQueries;
import io.phaseflow.session.SessionStatus;
import io.phaseflow.session.WorkSession;
import io.phaseflow.sprint.Sprint;
import io.phaseflow.sprint.SprintManagement;
import io.phaseflow.workflow.deployment.Workflows;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Every session that has not ended, in three groups (running, waiting for a reviewer's
 * override decision, stale: the stale-phase timer fired in the phase it is in), and the
 * latest that ended; filtered by status, phase, agent and sprint through query
 * parameters.
 */
@Controller
class SessionsPageController extends PageController {

	/** How many ended sessions the page lists. */
	static final int ENDED = 25;

	/** How many open sessions the page lists at most. */
	private static final int OPEN = 500;

	private static final int AGENTS = 500;

	private final SessionQueries sessions;

	private final AgentRegistry agents;

	private final SprintManagement sprints;

	private final Workflows workflows;

	private final Clock clock;

	SessionsPageController(SessionQueries sessions, AgentRegistry agents, SprintManagement sprints, Workflows workflows,
			Clock clock) {
		this.sessions = sessions;
		this.agents = agents;
		this.sprints = sprints;
		this.workflows = workflows;
		this.clock = clock;
	}

	@GetMapping("/ui/sessions")
	String sessions(Filters filters, Model model) {
		SessionStatus status = BoardController.parse(SessionStatus.class, "status", filters.status());
		String phase = BoardController.blankToNull(filters.phase());
		String agent = BoardController.blankToNull(filters.agent());
		String sprint = Codes.normalizeOptional("sprint", BoardController.blankToNull(filters.sprint()));
		SessionFilter filter = new SessionFilter(status, phase, (agent != null) ? agentId(agent) : null, sprint);
		OffsetDateTime now = Clocks.now(this.clock);
		List<Row> open = ((status == null || !status.isTerminal()) ? this.sessions.listed(filter, false, OPEN)
				: List.<WorkSession>of())
			.stream()
			.map((session) -> Row.of(session, Formats.agent(this.agents, session.agentId()),
					this.sessions.stale(session), now))
			.toList();
		List<Row> ended = ((status == null || status.isTerminal()) ? this.sessions.listed(filter, true, ENDED)
				: List.<WorkSession>of())
			.stream()
			.map((session) -> Row.of(session, Formats.agent(this.agents, session.agentId()), false, now))
			.toList();
		model.addAttribute("running",
				open.stream().filter((row) -> !row.stale() && !row.status().equals("awaiting_override")).toList());
		model.addAttribute("review", open.stream().filter((row) -> row.status().equals("awaiting_override")).toList());
		model.addAttribute("stale",
				open.stream().filter((row) -> row.stale() && !row.status().equals("awaiting_override")).toList());
		model.addAttribute("ended", ended);
		model.addAttribute("endedLimit", ENDED);
		model.addAttribute("filters", new Filters((status != null) ? status.value() : null, phase, agent, sprint));
		model.addAttribute("filtered", status != null || phase != null || agent != null || sprint != null);
		model.addAttribute("statuses",
				Arrays.stream(SessionStatus.values())
					.map((each) -> new BoardController.Option(each.value(), BoardController.label(each)))
					.toList());
		model.addAttribute("phases", this.workflows.active().phaseIds());
		model.addAttribute("agents", this.agents.list(new PageQuery(0, AGENTS)).stream().map(Agent::handle).toList());
		model.addAttribute("sprints", this.sprints.list(null).stream().map(Sprint::sprintCode).toList());
		return "sessions";
	}

	/** The agent's id, or one no session has when there is no such agent. */
	private long agentId(String handle) {
		try {
			return this.agents.get(handle).id();
		}
		catch (EntityNotFound ex) {
			return -1;
		}
	}

	/** The page's filters, as query parameters. */
	public record Filters(String status, String phase, String agent, String sprint) {
	}

	/**
	 * A session as the page lists it.
	 *
	 * @param since how long since it started, or how long it took once ended
	 * @param stale whether the stale-phase timer fired in the phase it is in
	 */
	public record Row(String sessionKey, String taskCode, String status, String phase, int iteration, String agent,
			String startedAt, String endedAt, String since, boolean stale) {

		static Row of(WorkSession session, String agent, boolean stale, OffsetDateTime now) {
			boolean ended = session.status().isTerminal();
			return new Row(session.sessionKey(), session.taskCode(), session.status().value(), session.currentPhase(),
					session.currentIteration(), agent, Formats.at(session.startedAt()),
					Formats.at(session.completedAt()), Formats.since(session.startedAt(),
							(ended && session.completedAt() != null) ? session.completedAt() : now),
					stale);
		}

	}

}
