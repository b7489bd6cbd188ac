package io.phaseflow.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.phaseflow.agent.AgentRegistry;
import io.phaseflow.common.Clocks;
import io.phaseflow.event.EventLog;
import io.phaseflow.event.EventQuery;
import io.phaseflow.event.OrchestrationEvent;
import io.phaseflow.session.SessionQueries;
import io.phaseflow.session.SessionView;
import io.phaseflow.session.phase.SessionArtifact;
import io.phaseflow.task.TaskManagement;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A session at a glance: its process diagram with the current phase highlighted, where it
 * stands, the time it spent per phase, its artifacts and its latest events.
 */
@Controller
class SessionPageController extends PageController {

	/** How many of the session's latest events the timeline shows. */
	static final int TIMELINE = 50;

	private static final int DETAILS = 400;

	private static final int VALUE = 160;

	private static final Set<String> HIDDEN = Set.of("actor", "timestamp");

	private final SessionQueries sessions;

	private final TaskManagement tasks;

	private final AgentRegistry agents;

	private final EventLog events;

	private final Clock clock;

	SessionPageController(SessionQueries sessions, TaskManagement tasks, AgentRegistry agents, EventLog events,
			Clock clock) {
		this.sessions = sessions;
		this.tasks = tasks;
		this.agents = agents;
		this.events = events;
		this.clock = clock;
	}

	@GetMapping("/ui/sessions/{key}")
	String session(@PathVariable String key, Model model) {
		SessionView session = this.sessions.get(key);
		List<PhaseTimes.Span> spans = PhaseTimes.spans(session, Clocks.now(this.clock));
		model.addAttribute("session", session);
		model.addAttribute("status", session.status().value());
		model.addAttribute("started", Formats.at(session.startedAt()));
		model.addAttribute("task", (session.taskCode() != null) ? this.tasks.get(session.taskCode()) : null);
		model.addAttribute("agent", Formats.agent(this.agents, session.agentId()));
		model.addAttribute("spans", spans);
		model.addAttribute("totals", PhaseTimes.totals(spans));
		model.addAttribute("artifacts", this.sessions.artifacts(key).stream().map(ArtifactRow::of).toList());
		model.addAttribute("events", timeline(session.sessionKey()));
		model.addAttribute("timelineLimit", TIMELINE);
		return "session";
	}

	@GetMapping(path = "/ui/sessions/{key}/diagram", produces = MediaType.IMAGE_PNG_VALUE)
	@ResponseBody
	byte[] diagram(@PathVariable String key) {
		return this.sessions.diagram(key);
	}

	/** The session's latest events, newest first. */
	private List<EventRow> timeline(String sessionKey) {
		List<OrchestrationEvent> latest = new ArrayList<>(
				this.events.latest(new EventQuery(null, null, null, sessionKey, null, 0, TIMELINE)));
		Collections.reverse(latest);
		return latest.stream().map(EventRow::of).toList();
	}

	/** An artifact without its content. */
	public record ArtifactRow(String name, String phase, int iteration, String hash, String submittedAt) {

		static ArtifactRow of(SessionArtifact artifact) {
			return new ArtifactRow(artifact.name(), artifact.phase(), artifact.iteration(), artifact.contentHash(),
					Formats.at(artifact.updatedAt()));
		}

	}

	/**
	 * An event of the timeline.
	 *
	 * @param details the payload without actor and timestamp, shortened:
	 * {@code key: value} pairs, field errors by their field
	 */
	public record EventRow(long id, String type, String at, String actor, String details) {

		static EventRow of(OrchestrationEvent event) {
			JsonNode payload = (event.payload() != null) ? event.payload() : MissingNode.getInstance();
			List<String> details = new ArrayList<>();
			payload.properties()
				.stream()
				.filter((member) -> !HIDDEN.contains(member.getKey()) && !member.getValue().isNull())
				.forEach((member) -> details.add(member.getKey() + ": " + brief(member.getValue())));
			return new EventRow(event.id(), event.eventType(), Formats.at(event.emittedAt()),
					payload.path("actor").asText(""), abbreviate(String.join(" · ", details), DETAILS));
		}

		/**
		 * A value in a few words: text as it is, a list of texts or of field errors (by
		 * field) comma separated, the rest as JSON.
		 */
		private static String brief(JsonNode value) {
			if (value.isValueNode()) {
				return abbreviate(value.asText(), VALUE);
			}
			List<String> items = new ArrayList<>();
			if (value.isArray()) {
				value.forEach((item) -> items.add(item.isValueNode() ? item.asText() : item.path("field").textValue()));
			}
			return abbreviate((value.isArray() && !items.contains(null)) ? String.join(", ", items) : value.toString(),
					VALUE);
		}

		private static String abbreviate(String text, int length) {
			return (text.length() <= length) ? text : text.substring(0, length - 1) + "…";
		}

	}

}
