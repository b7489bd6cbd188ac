package io.phaseflow.web;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.phaseflow.agent.AgentRegistry;
import io.phaseflow.api.ProblemResponses;
import io.phaseflow.common.Clocks;
import io.phaseflow.common.InvalidParameter;
import io.phaseflow.common.PhaseflowException;
import io.phaseflow.common.WireValue;
import io.phaseflow.event.TooManyStreams;
import io.phaseflow.event.TooManyStreamsOfToken;
import io.phaseflow.session.SessionQueries;
import io.phaseflow.session.SessionStatus;
import io.phaseflow.session.WorkSession;
import io.phaseflow.sprint.Sprint;
import io.phaseflow.sprint.SprintManagement;
import io.phaseflow.task.Priority;
import io.phaseflow.task.Task;
import io.phaseflow.task.TaskFilter;
import io.phaseflow.task.TaskManagement;
import io.phaseflow.task.TaskStatus;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The sprints, and a sprint's board: its tasks in one column per status, each with its
 * priority, agent, phase, age and whether it waits for a reviewer; counts per status and
 * the share completed. Filters are query parameters, so they work without JavaScript;
 * with it, the board fetches its fragment again whenever the event stream reports a
 * change.
 */
@Controller
class BoardController extends PageController {

	private final SprintManagement sprints;

	private final TaskManagement tasks;

	private final SessionQueries sessions;

	private final AgentRegistry agents;

	private final PageEvents events;

	private final Clock clock;

	BoardController(SprintManagement sprints, TaskManagement tasks, SessionQueries sessions, AgentRegistry agents,
			PageEvents events, Clock clock) {
		this.sprints = sprints;
		this.tasks = tasks;
		this.sessions = sessions;
		this.agents = agents;
		this.events = events;
		this.clock = clock;
	}

	@GetMapping("/ui")
	String sprints(Model model) {
		model.addAttribute("sprints", this.sprints.list(null));
		return "sprints";
	}

	@GetMapping("/ui/sprints/{code}")
	String board(@PathVariable String code, Filters filters, Model model) {
		fill(code, filters, model);
		return "board";
	}

	/** The part of the board that live updates replace: counts, progress and columns. */
	@GetMapping("/ui/sprints/{code}/board")
	String fragment(@PathVariable String code, Filters filters, Model model) {
		fill(code, filters, model);
		return "board-live";
	}

	/** Change notices for the board's script. */
	@GetMapping(path = "/ui/sprints/{code}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable String code, @RequestParam(name = "after_id", required = false) Long afterId,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, Authentication user)
			throws IOException {
		this.sprints.get(code);
		if (afterId != null && afterId < 0) {
			throw new InvalidParameter("after_id", "must be an event id (a whole number, 0 or more)");
		}
		return this.events.open(user.getName(), lastEventId, afterId);
	}

	/**
	 * Too many open streams: an empty answer with the status, as the browser's
	 * EventSource reads no page; the board then stays as loaded.
	 */
	@ExceptionHandler({ TooManyStreams.class, TooManyStreamsOfToken.class })
	ResponseEntity<Void> tooManyStreams(PhaseflowException ex) {
		return ResponseEntity.status(ProblemResponses.status(ex.kind())).header(HttpHeaders.RETRY_AFTER, "5").build();
	}

	private void fill(String code, Filters filters, Model model) {
		model.addAttribute("lastEventId", this.events.lastId());
		Sprint sprint = this.sprints.get(code);
		TaskStatus status = parse(TaskStatus.class, "status", filters.status());
		Priority priority = parse(Priority.class, "priority", filters.priority());
		String agent = blankToNull(filters.agent());
		boolean review = filters.review() != null && !filters.review().isBlank();
		List<Task> all = this.tasks.list(new TaskFilter(sprint.sprintCode(), null, null));
		Map<String, WorkSession> latest = this.sessions.latestOfSprint(sprint.sprintCode());
		OffsetDateTime now = Clocks.now(this.clock);
		List<Card> cards = all.stream()
			.map((task) -> Card.of(task, latest.get(task.taskCode()), this.agents, now))
			.toList();
		Map<TaskStatus, Integer> counts = new EnumMap<>(TaskStatus.class);
		all.forEach((task) -> counts.merge(task.status(), 1, Integer::sum));
		List<Card> shown = cards.stream()
			.filter((card) -> priority == null || card.priority().equals(priority.name()))
			.filter((card) -> agent == null || agent.equalsIgnoreCase(card.agent()))
			.filter((card) -> !review || card.needsReview())
			.toList();
		List<Column> columns = Arrays.stream(TaskStatus.values())
			.filter((column) -> status == null || column == status)
			.map((column) -> new Column(column.value(), label(column),
					shown.stream().filter((card) -> card.status().equals(column.value())).toList()))
			.toList();
		int completed = counts.getOrDefault(TaskStatus.COMPLETED, 0);
		model.addAttribute("sprint", sprint);
		model.addAttribute("columns", columns);
		model.addAttribute("taskCount", all.size());
		model.addAttribute("completed", completed);
		model.addAttribute("percent", all.isEmpty() ? 0 : Math.round(100.0f * completed / all.size()));
		model.addAttribute("counts",
				Arrays.stream(TaskStatus.values())
					.map((each) -> new Count(each.value(), counts.getOrDefault(each, 0)))
					.toList());
		model.addAttribute("statuses", Arrays.stream(TaskStatus.values()).map(BoardController::option).toList());
		model.addAttribute("priorities", Arrays.stream(Priority.values()).map(Enum::name).toList());
		model.addAttribute("agents",
				cards.stream().map(Card::agent).filter(Objects::nonNull).distinct().sorted().toList());
		Filters given = new Filters(blankToNull(filters.status()), blankToNull(filters.priority()), agent,
				review ? "1" : null);
		model.addAttribute("filters", given);
		model.addAttribute("query",
				UriComponentsBuilder.newInstance()
					.queryParamIfPresent("status", Optional.ofNullable(given.status()))
					.queryParamIfPresent("priority", Optional.ofNullable(given.priority()))
					.queryParamIfPresent("agent", Optional.ofNullable(given.agent()))
					.queryParamIfPresent("review", Optional.ofNullable(given.review()))
					.encode()
					.build()
					.toUriString());
		model.addAttribute("filtered", status != null || priority != null || agent != null || review);
		model.addAttribute("shownCount", columns.stream().mapToInt((column) -> column.cards().size()).sum());
	}

	/**
	 * The enum constant a filter names, or null for no filter; a 400 page for no such
	 * one.
	 */
	static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return WireValue.parse(type, value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidParameter(parameter, "must be one of " + WireValue.allOf(type));
		}
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	static String label(Enum<?> value) {
		return WireValue.of(value).replace('_', ' ');
	}

	private static Option option(TaskStatus status) {
		return new Option(status.value(), label(status));
	}

	/** How many of the sprint's tasks have a status. */
	public record Count(String status, int total) {
	}

	/** A choice of a filter's list. */
	public record Option(String value, String label) {
	}

	/**
	 * The board's filters, as query parameters.
	 *
	 * @param agent the handle of the agent of the task's latest session
	 * @param review anything but blank: only tasks whose session waits for an override
	 * decision
	 */
	public record Filters(String status, String priority, String agent, String review) {
	}

	/** One status column of the board, with the cards the filters let through. */
	public record Column(String status, String label, List<Card> cards) {
	}

	/**
	 * A task on the board.
	 *
	 * @param agent the handle of the agent of its latest session
	 * @param sessionKey the task's latest session, if it had one
	 * @param phase the phase that session is in, while it is active
	 * @param sessionStatus the status of that session
	 * @param age how long since the task last changed (its status follows its sessions)
	 * @param needsReview whether its session waits for a reviewer's override decision
	 */
	public record Card(String code, String title, String status, String priority, String agent, String sessionKey,
			String phase, String sessionStatus, String age, boolean needsReview) {

		static Card of(Task task, WorkSession session, AgentRegistry agents, OffsetDateTime now) {
			String age = Formats.since(task.updatedAt(), now);
			if (session == null) {
				return new Card(task.taskCode(), task.title(), task.status().value(), task.priority().name(), null,
						null, null, null, age, false);
			}
			return new Card(task.taskCode(), task.title(), task.status().value(), task.priority().name(),
					Formats.agent(agents, session.agentId()), session.sessionKey(),
					session.status().isTerminal() ? null : session.currentPhase(), session.status().value(), age,
					session.status() == SessionStatus.AWAITING_OVERRIDE);
		}

	}

}
