package io.phaseflow.web;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.phaseflow.agent.AgentRegistry;
import io.phaseflow.common.Clocks;
import io.phaseflow.common.EntityNotFound;
import io.phaseflow.common.InvalidParameter;
import io.phaseflow.common.PhaseflowException;
import io.phaseflow.files.MarkdownDocuments;
import io.phaseflow.history.EntityVersion;
import io.phaseflow.session.SessionQueries;
import io.phaseflow.session.SessionStatus;
import io.phaseflow.session.SessionView;
import io.phaseflow.task.Task;
import io.phaseflow.task.TaskLinks;
import io.phaseflow.task.TaskManagement;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A task at a glance: its description, acceptance criteria, dependencies with their
 * status, its sessions and how they went, its versions with what a version changed
 * against the current content (and, for a PM, a rollback to it), and its TASK.md.
 */
@Controller
class TaskPageController extends PageController {

	/**
	 * Markdown is rendered with raw HTML shown as text and unsafe links made harmless.
	 */
	private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

	private static final Parser MARKDOWN = Parser.builder().build();

	private final TaskManagement tasks;

	private final SessionQueries sessions;

	private final AgentRegistry agents;

	private final MarkdownDocuments documents;

	private final Clock clock;

	TaskPageController(TaskManagement tasks, SessionQueries sessions, AgentRegistry agents, MarkdownDocuments documents,
			Clock clock) {
		this.tasks = tasks;
		this.sessions = sessions;
		this.agents = agents;
		this.documents = documents;
		this.clock = clock;
	}

	@GetMapping("/ui/tasks/{code}")
	String task(@PathVariable String code, @RequestParam(required = false) String diff, Model model) {
		Task task = this.tasks.get(code);
		OffsetDateTime now = Clocks.now(this.clock);
		List<EntityVersion> versions = this.tasks.history(task.taskCode());
		model.addAttribute("task", task);
		model.addAttribute("status", task.status().value());
		model.addAttribute("updated", Formats.at(task.updatedAt()));
		model.addAttribute("criteria", TaskLinks.strings(task.metadata(), "acceptance_criteria"));
		model.addAttribute("dependencies", TaskLinks.dependsOn(task.metadata()).stream().map(this::link).toList());
		model.addAttribute("dependents",
				this.tasks.dependents(List.of(task.taskCode())).get(task.taskCode()).stream().map(this::link).toList());
		List<SessionRow> sessionRows = new ArrayList<>(this.sessions.ofTask(task.taskCode())
			.stream()
			.map((session) -> SessionRow.of(session, Formats.agent(this.agents, session.agentId()), now))
			.toList());
		Collections.reverse(sessionRows);
		model.addAttribute("sessions", sessionRows);
		model.addAttribute("versions", versions.stream().map((version) -> VersionRow.of(version, task)).toList());
		if (diff != null && !diff.isBlank()) {
			EntityVersion then = versions.stream()
				.filter((version) -> Integer.toString(version.version()).equals(diff.strip()))
				.findFirst()
				.orElseThrow(() -> new InvalidParameter("diff", "must be the number of one of the task's versions"));
			EntityVersion current = versions.stream()
				.filter((version) -> version.hash().equals(task.hash()))
				.findFirst()
				.orElse(versions.get(0));
			model.addAttribute("diffVersion", then.version());
			model.addAttribute("diffCurrent", current.version());
			model.addAttribute("changes", changes(then.snapshot(), current.snapshot()));
		}
		model.addAttribute("taskMarkdown", HTML.render(MARKDOWN.parse(this.documents.task(task))));
		return "task";
	}

	@PostMapping("/ui/tasks/{code}/rollback")
	String rollback(@PathVariable String code, @RequestParam(required = false) String hash,
			RedirectAttributes redirect) {
		Task task = this.tasks.get(code);
		redirect.addAttribute("code", task.taskCode());
		if (hash == null || !hash.matches("[0-9a-f]{64}")) {
			redirect.addFlashAttribute("problem", "Choose a version to restore.");
			return "redirect:/ui/tasks/{code}";
		}
		try {
			Task restored = this.tasks.rollback(task.taskCode(), hash);
			redirect.addFlashAttribute("notice", restored.hash().equals(task.hash())
					? "That version is the current content; nothing changed."
					: "Restored the content of version " + versionOf(task.taskCode(), hash) + " as a new version.");
		}
		catch (PhaseflowException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/ui/tasks/{code}";
	}

	private String versionOf(String code, String hash) {
		return this.tasks.history(code)
			.stream()
			.filter((version) -> version.hash().equals(hash))
			.map((version) -> Integer.toString(version.version()))
			.reduce((newest, older) -> older)
			.orElse("?");
	}

	/** A linked task with its status, or without one when it no longer exists. */
	private TaskLink link(String code) {
		try {
			Task linked = this.tasks.get(code);
			return new TaskLink(linked.taskCode(), linked.title(), linked.status().value());
		}
		catch (EntityNotFound ex) {
			return new TaskLink(code, null, null);
		}
	}

	/**
	 * The fields whose values differ between two snapshots, nested objects by their
	 * dotted path (lists as JSON), in the order they come.
	 */
	static List<Change> changes(JsonNode then, JsonNode now) {
		Map<String, String> before = flatten(then, "", new LinkedHashMap<>());
		Map<String, String> after = flatten(now, "", new LinkedHashMap<>());
		Set<String> fields = new LinkedHashSet<>(before.keySet());
		fields.addAll(after.keySet());
		List<Change> changes = new ArrayList<>();
		fields.stream()
			.filter((field) -> !Objects.equals(before.get(field), after.get(field)))
			.forEach((field) -> changes.add(new Change(field, before.get(field), after.get(field))));
		return changes;
	}

	private static Map<String, String> flatten(JsonNode node, String path, Map<String, String> into) {
		// an empty object adds no field: a first entry in it shows as that entry alone
		if (node != null && node.isObject()) {
			node.properties()
				.forEach((member) -> flatten(member.getValue(),
						path.isEmpty() ? member.getKey() : path + "." + member.getKey(), into));
		}
		else if (node != null && !node.isNull() && !node.isMissingNode()) {
			into.put(path, node.isValueNode() ? node.asText() : node.toString());
		}
		return into;
	}

	/** A task this one depends on, or that depends on it. */
	public record TaskLink(String code, String title, String status) {
	}

	/**
	 * A field that differs.
	 *
	 * @param then its value in the older version, or null when it had none
	 * @param now its current value, or null when it has none
	 */
	public record Change(String field, String then, String now) {
	}

	/**
	 * One version of the task's content.
	 *
	 * @param current whether it is the content the task has now
	 */
	public record VersionRow(int version, String hash, String actor, String createdAt, boolean current) {

		static VersionRow of(EntityVersion version, Task task) {
			return new VersionRow(version.version(), version.hash(), version.actor(), Formats.at(version.createdAt()),
					version.hash().equals(task.hash()));
		}

	}

	/**
	 * One of the task's sessions and how it went.
	 *
	 * @param phases the phases it completed, in order, and the one it is in
	 * @param needsReview whether it waits for a reviewer's override decision
	 */
	public record SessionRow(String sessionKey, String status, String phase, String phases, String agent,
			String startedAt, String endedAt, String took, boolean needsReview) {

		static SessionRow of(SessionView session, String agent, OffsetDateTime now) {
			List<String> phases = new ArrayList<>();
			session.phaseHistory().forEach((entry) -> phases.add(entry.path("phase").asText()));
			boolean ended = session.status().isTerminal();
			return new SessionRow(session.sessionKey(), session.status().value(), ended ? null : session.currentPhase(),
					String.join(" → ", phases), agent, Formats.at(session.startedAt()),
					Formats.at(session.completedAt()),
					Formats.since(session.startedAt(),
							ended && session.completedAt() != null ? session.completedAt() : now),
					session.status() == SessionStatus.AWAITING_OVERRIDE);
		}

	}

}
