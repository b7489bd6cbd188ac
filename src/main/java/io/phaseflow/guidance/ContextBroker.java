package io.phaseflow.guidance;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.phaseflow.agent.Agent;
import io.phaseflow.agent.AgentRegistry;
import io.phaseflow.common.Clocks;
import io.phaseflow.common.FieldError;
import io.phaseflow.common.JsonDocuments;
import io.phaseflow.event.EntityType;
import io.phaseflow.event.EventLog;
import io.phaseflow.event.EventQuery;
import io.phaseflow.event.EventTypes;
import io.phaseflow.event.OrchestrationEvent;
import io.phaseflow.files.FileSync;
import io.phaseflow.files.ReferenceDocs;
import io.phaseflow.memory.SessionNote;
import io.phaseflow.memory.SessionNotes;
import io.phaseflow.render.Templates;
import io.phaseflow.report.StatusReports;
import io.phaseflow.session.Instructions;
import io.phaseflow.session.SessionActions;
import io.phaseflow.session.SessionGuide;
import io.phaseflow.session.SessionStatus;
import io.phaseflow.session.SessionTime;
import io.phaseflow.session.WorkSession;
import io.phaseflow.session.access.Refusals;
import io.phaseflow.session.phase.SessionArtifact;
import io.phaseflow.session.phase.SessionArtifacts;
import io.phaseflow.sprint.Sprint;
import io.phaseflow.sprint.Sprints;
import io.phaseflow.task.Task;
import io.phaseflow.task.TaskLine;
import io.phaseflow.task.TaskLinks;
import io.phaseflow.task.TaskStatus;
import io.phaseflow.task.Tasks;
import io.phaseflow.timetracking.SessionTimes;
import io.phaseflow.workflow.ArtifactSpec;
import io.phaseflow.workflow.PhaseConfig;
import io.phaseflow.workflow.Validation;
import io.phaseflow.workflow.WorkflowDefinition;
import io.phaseflow.workflow.deployment.Workflows;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import org.springframework.stereotype.Component;

/**
 * Assembles what an agent needs to (re)start work on a session: the task and its sprint,
 * the agent before a hand-over, the current phase, the artifacts in hand, recent events,
 * the last actions in words, next steps, the session's latest notes (latest first) and
 * its time, and instructions.
 */
@Component
public class ContextBroker implements SessionGuide {

	private static final int RECENT_EVENTS = 10;

	/** How an agent records the task's outcome once its session completed. */
	private static final String DONE_COMMAND = "phaseflow done \"<summary of the work>\"";

	private static final int LAST_ACTIONS = 3;

	private static final int RECENT_NOTES = 10;

	private static final int SPRINT_TASKS = 50;

	/** At most this many next steps, so that they stay a to-do list. */
	private static final int NEXT_STEPS = 8;

	/** Longer items of the task's own lists are cut: the task context has them whole. */
	private static final int STEP_TEXT = 120;

	private final Tasks tasks;

	private final Sprints sprints;

	private final SessionArtifacts artifacts;

	private final EventLog events;

	private final Workflows workflows;

	private final Clock clock;

	private final AgentRegistry agents;

	private final JsonDocuments json;

	private final Templates templates;

	private final FileSync files;

	private final SessionTimes times;

	private final SessionNotes notes;

	private final ReferenceDocs referenceDocs;

	private final SessionActions actions;

	ContextBroker(Tasks tasks, Sprints sprints, SessionArtifacts artifacts, EventLog events, Workflows workflows,
			Clock clock, Templates templates, FileSync files, SessionTimes times, SessionNotes notes,
			AgentRegistry agents, JsonDocuments json, ReferenceDocs referenceDocs, SessionActions actions) {
		this.actions = actions;
		this.referenceDocs = referenceDocs;
		this.agents = agents;
		this.json = json;
		this.times = times;
		this.notes = notes;
		this.files = files;
		this.templates = templates;
		this.tasks = tasks;
		this.sprints = sprints;
		this.artifacts = artifacts;
		this.events = events;
		this.workflows = workflows;
		this.clock = clock;
	}

	/**
	 * What an answer about the session says is worked out from: the active workflow, the
	 * session's task and time, and its current phase's artifacts, each looked up once.
	 */
	public Situation situation(WorkSession session) {
		WorkflowDefinition workflow = this.workflows.active();
		Task task = this.tasks.findByCode(session.taskCode()).orElseThrow();
		SessionTime time = this.times.of(session, task);
		List<String> missing = missingArtifacts(workflow, session, task);
		return new Situation(session, workflow, task, time, missing, phaseContext(workflow, session, missing));
	}

	Map<String, Object> context(Situation situation) {
		WorkSession session = situation.session();
		Task task = situation.task();
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("task", taskContext(task));
		context.put("sprint",
				(task.sprintCode() != null) ? this.sprints.findByCode(task.sprintCode())
					.map((sprint) -> withTasks(sprintContext(sprint), task))
					.orElse(null) : null);
		Agent agent = (session.agentId() != null) ? this.agents.find(session.agentId()).orElse(null) : null;
		context.put("agent", (agent != null) ? agentContext(agent) : null);
		context.put("previous_agent", previousAgent(session));
		Map<String, Object> files = new LinkedHashMap<>();
		files.put("task_md",
				this.artifacts.find(session.id(), "TASK.md")
					.map(SessionArtifact::content)
					.or(() -> this.files.taskFile(task, "TASK.md"))
					.orElse(null));
		files.put("agent_yml", (agent != null) ? agentYml(agent) : null);
		context.put("files", files);
		List<Map<String, Object>> dependencies = dependencies(task);
		context.put("dependencies", dependencies);
		List<String> docs = TaskLinks.context(task.metadata());
		// files are read only for a task that names some
		context.put("reference_docs", docs.isEmpty() ? List.of() : this.referenceDocs.of(docs));
		List<Map<String, Object>> open = open(dependencies);
		List<FieldError> warnings = new ArrayList<>();
		if (!open.isEmpty()) {
			warnings.add(new FieldError(TaskLinks.DEPENDS_ON, "not completed yet: " + describe(open)));
		}
		warnings.addAll(forPm(situation.workflow(), session, task));
		context.put("warnings", warnings);
		context.put("recent_events", workOnly(this.events
			.latest(new EventQuery(EntityType.TASK, task.taskCode(), null, null, null, 0, RECENT_EVENTS))));
		context.put("last_actions", this.actions.latest(session.sessionKey(), LAST_ACTIONS));
		context.put("phase", situation.phase());
		context.put("artifacts", this.artifacts.summaries(session.id()));
		context.put("next_steps", nextSteps(situation.workflow(), session, task, situation.missing()));
		List<SessionNote> notes = new ArrayList<>(this.notes.latest(session.id(), RECENT_NOTES));
		Collections.reverse(notes);
		context.put("notes", notes);
		context.put("time", situation.time());
		return context;
	}

	/**
	 * The instructions for the session as it is now; {@code completedPhase} names the
	 * phase the caller just completed, if any (the banner then says so and shows that
	 * phase's next step).
	 */
	@Override
	public Guidance guide(WorkSession session, String completedPhase) {
		Situation situation = situation(session);
		return new Guidance(situation.time(), instructions(situation, completedPhase));
	}

	@Override
	public Instructions instructions(WorkSession session, String completedPhase) {
		return instructions(situation(session), completedPhase);
	}

	/**
	 * The instructions for the session as it is now; {@code completedPhase} (or null)
	 * names the phase the answer completed. A task that took longer than estimated is to
	 * be estimated again.
	 */
	public Instructions instructions(Situation situation, String completedPhase) {
		WorkSession session = situation.session();
		WorkflowDefinition workflow = situation.workflow();
		Task task = situation.task();
		SessionTime time = situation.time();
		List<String> missing = situation.missing();
		List<String> commands = new ArrayList<>();
		List<Instructions.Call> calls = new ArrayList<>();
		String key = session.sessionKey();
		if (session.status() == SessionStatus.RUNNING) {
			// the missing artifacts go with the completion: one call; a QA phase is
			// refused without its outcome
			boolean qa = workflow.phase(session.currentPhase()).map(PhaseConfig::qa).orElse(false);
			commands.add("phaseflow phase complete" + (qa ? " " + QA_OPTION : "")
					+ missing.stream().map((name) -> " --artifact " + name).collect(Collectors.joining()));
			Map<String, Object> arguments = new LinkedHashMap<>();
			if (qa) {
				arguments.put("qa_status", QA_ARGUMENT);
			}
			if (!missing.isEmpty()) {
				arguments.put("artifacts", missing.stream().map(ContextBroker::artifact).toList());
			}
			calls.add(Instructions.Call.completePhase(key, arguments));
		}
		else {
			missing.forEach((name) -> commands.add("phaseflow artifact put " + name));
			missing.forEach((name) -> calls.add(new Instructions.Call("submit_artifact", artifact(name),
					Instructions.Call.session(key, "POST", "/artifacts"))));
		}
		switch (session.status()) {
			case PAUSED -> {
				commands.add("phaseflow session resume " + key);
				calls.add(new Instructions.Call("resume_session", Map.of(),
						Instructions.Call.session(key, "POST", "/resume")));
			}
			case AWAITING_OVERRIDE -> {
				commands.add("phaseflow phase wait");
				calls.add(new Instructions.Call("wait_for_override", Map.of(),
						Instructions.Call.session(key, "GET", "")));
			}
			case COMPLETED -> {
				if (task.status() == TaskStatus.COMPLETED) {
					break;
				}
				commands.add(DONE_COMMAND);
				calls.add(Instructions.Call.taskCompleted(false));
			}
			default -> {
			}
		}
		if (!session.status().isTerminal()) {
			commands.add("phaseflow log <activity_type> '{\"…\": …}'");
			calls.add(new Instructions.Call("log_activity", Map.of("activity_type", "<activity_type>"),
					Instructions.Call.session(key, "POST", "/activity")));
		}
		List<String> next = nextSteps(workflow, session, task, missing);
		List<String> actions = new ArrayList<>(next);
		if (time.overEstimate()) {
			actions.add(StatusReports.reEstimate(task.taskCode(), time.taskActiveMinutes(), time.estimateMinutes()));
			commands.add(StatusReports.estimateCommand(task.taskCode(), time.taskActiveMinutes()));
		}
		Instructions.Reminder reminder = Instructions.Reminder.of(task.taskCode(), session.currentPhase(),
				session.startedAt(), Clocks.now(this.clock));
		return new Instructions(actions, commands, calls, reminder,
				banner(workflow, session, task, situation.phase(), next, completedPhase));
	}

	/** An artifact argument of a call, its content for the agent to write. */
	private static Map<String, Object> artifact(String name) {
		Map<String, Object> artifact = new LinkedHashMap<>();
		artifact.put("name", name);
		artifact.put("content", "<" + name + ">");
		return artifact;
	}

	private String banner(WorkflowDefinition workflow, WorkSession session, Task task, Map<String, Object> phase,
			List<String> nextActions, String completedPhase) {
		if (session.status().isTerminal() || phase == null) {
			return null;
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("phase", phase);
		data.put("next_actions", nextActions);
		if (completedPhase == null && session.currentPhase().equals(workflow.firstPhase().id())) {
			// what only a PM can fill is asked for now, not when a later phase refuses
			data.put("for_pm",
					forPm(workflow, session, task).stream()
						.map((error) -> error.field() + " " + error.message())
						.toList());
		}
		if (completedPhase != null) {
			data.put("completed", completedPhase);
			if (sentBack(workflow, session, completedPhase)) {
				// a failed review: its next-step text speaks of the way on, not of the
				// rework
				data.put("sent_back", true);
				data.put("iteration", session.currentIteration());
			}
			else {
				if (workflow.phase(completedPhase).map(PhaseConfig::qa).orElse(false)) {
					data.put("qa_passed", true);
				}
				workflow.phase(completedPhase)
					.map(PhaseConfig::nextStep)
					.ifPresent((text) -> data.put("next_step_text", text.strip()));
			}
		}
		return this.templates.render("instructions/phase-banner.ftl", data);
	}

	/**
	 * Whether completing the phase sent the session back to an earlier phase (a QA phase
	 * that failed).
	 */
	private static boolean sentBack(WorkflowDefinition workflow, WorkSession session, String completedPhase) {
		List<String> order = workflow.phaseIds();
		return order.indexOf(session.currentPhase()) < order.indexOf(completedPhase);
	}

	private List<String> nextSteps(WorkflowDefinition workflow, WorkSession session, Task task, List<String> missing) {
		List<String> steps = new ArrayList<>();
		if (session.status() == SessionStatus.COMPLETED) {
			// in words any surface can follow: the calls and commands say how
			steps.add((task.status() == TaskStatus.COMPLETED)
					? "The session and its task are completed: nothing is left to do here"
					: "The session is completed: record the task's outcome, completed with a summary of the work");
			return steps;
		}
		if (session.status().isTerminal()) {
			steps.add("The session is " + session.status().value() + "; start a new one to continue the task");
			return steps;
		}
		if (session.status() == SessionStatus.AWAITING_OVERRIDE) {
			steps.add("Wait for a reviewer to decide the override of the " + session.currentPhase() + " phase");
			return steps;
		}
		if (workflow.phase(session.currentPhase()).isEmpty()) {
			steps.add("The " + session.currentPhase() + " phase is no longer configured in workflow.yaml; "
					+ "ask an admin to end or terminate this session");
			return steps;
		}
		PhaseConfig phase = workflow.phase(session.currentPhase()).get();
		if (phase.order() == workflow.firstPhase().order()) {
			steps.add("Review task objectives and acceptance criteria");
		}
		steps.add("Goal of the " + phase.id() + " phase: " + phase.goal());
		if (session.currentIteration() > 1 && workflow.phaseAfter(phase.id()).filter(PhaseConfig::qa).isPresent()) {
			steps.add("Fix what the failed review of iteration " + (session.currentIteration() - 1)
					+ " found (its REVIEW.md), then list the new changes in CHANGES.md");
		}
		int goal = steps.size();
		missing.forEach((name) -> steps.add("Write " + name + " and submit it as an artifact"));
		steps.add("When ready, complete the " + phase.id() + " phase"
				+ (phase.qa() ? " with qa_status qa_passed or qa_failed" : ""));
		steps.addAll(goal, taskSteps(workflow, phase, task, NEXT_STEPS - steps.size()));
		return steps;
	}

	/**
	 * The task fields that this and the later phases require and the task lacks: an agent
	 * cannot fill them (only a PM changes a task), so it is told at once who must act.
	 */
	List<FieldError> forPm(WorkflowDefinition workflow, WorkSession session, Task task) {
		if (session.status().isTerminal() || workflow.phase(session.currentPhase()).isEmpty()) {
			return List.of();
		}
		JsonNode document = this.json.tree(task);
		int from = workflow.phaseIds().indexOf(session.currentPhase());
		Map<String, List<String>> phasesByField = new LinkedHashMap<>();
		for (PhaseConfig phase : workflow.phases().subList(from, workflow.phases().size())) {
			phase.validation()
				.requiredFields()
				.stream()
				.filter((field) -> Validation.isMissing(document, field))
				.forEach((field) -> phasesByField.computeIfAbsent(field, (key) -> new ArrayList<>()).add(phase.id()));
		}
		List<FieldError> errors = new ArrayList<>();
		phasesByField.forEach((field,
				phases) -> errors.add(new FieldError("task." + field,
						"is missing and the " + String.join(", ", phases) + " phase" + ((phases.size() > 1) ? "s" : "")
								+ " require" + ((phases.size() > 1) ? "" : "s") + " it; "
								+ Validation.whoFills(task.taskCode()))));
		return errors;
	}

	/**
	 * The task's own work the phase is about, at most {@code room} items: the acceptance
	 * criteria to check in a QA phase, the objectives and deliverables in the phase a
	 * failed QA returns to (the one before it, execute).
	 */
	private static List<String> taskSteps(WorkflowDefinition workflow, PhaseConfig phase, Task task, int room) {
		List<List<String>> lists = new ArrayList<>();
		if (phase.qa()) {
			lists.add(items("Check: ", task, "acceptance_criteria"));
		}
		else if (workflow.phaseAfter(phase.id()).filter(PhaseConfig::qa).isPresent()) {
			lists.add(items("Objective: ", task, "objectives"));
			lists.add(items("Deliver: ", task, "deliverables"));
		}
		// taken in turn, so that a long list does not crowd out the other
		List<String> steps = new ArrayList<>();
		for (int i = 0; steps.size() < room && lists.stream().anyMatch((list) -> !list.isEmpty()); i++) {
			List<String> list = lists.get(i % lists.size());
			if (!list.isEmpty()) {
				steps.add(list.remove(0));
			}
		}
		return steps;
	}

	private static List<String> items(String prefix, Task task, String key) {
		List<String> items = new ArrayList<>();
		for (String item : TaskLinks.strings(task.metadata(), key)) {
			String text = item.strip().replaceAll("\\s+", " ");
			if (!text.isEmpty()) {
				items.add(prefix + ((text.length() > STEP_TEXT) ? text.substring(0, STEP_TEXT - 1) + "…" : text));
			}
		}
		return items;
	}

	/**
	 * The tasks the task depends on, in the order it names them, from one query: code,
	 * title and status.
	 */
	List<Map<String, Object>> dependencies(Task task) {
		List<String> codes = TaskLinks.dependsOn(task.metadata());
		if (codes.isEmpty()) {
			return List.of();
		}
		Map<String, TaskLine> lines = new HashMap<>();
		this.tasks.lines(codes).forEach((line) -> lines.put(line.taskCode(), line));
		List<Map<String, Object>> dependencies = new ArrayList<>();
		for (String code : codes) {
			TaskLine line = lines.get(code);
			if (line != null) {
				Map<String, Object> dependency = new LinkedHashMap<>();
				dependency.put("code", code);
				dependency.put("title", line.title());
				dependency.put("status", line.status().value());
				dependencies.add(dependency);
			}
		}
		return dependencies;
	}

	/** The dependencies that are not completed. */
	static List<Map<String, Object>> open(List<Map<String, Object>> dependencies) {
		return dependencies.stream()
			.filter((dependency) -> !TaskStatus.COMPLETED.value().equals(dependency.get("status")))
			.toList();
	}

	/** Dependencies as {@code code (status)}, comma-separated. */
	static String describe(List<Map<String, Object>> dependencies) {
		return dependencies.stream()
			.map((dependency) -> dependency.get("code") + " (" + dependency.get("status") + ")")
			.collect(Collectors.joining(", "));
	}

	/** How many bytes of reference docs a context inlines. */
	static long referenceDocBytes(Map<String, Object> context) {
		long bytes = 0;
		if (context.get("reference_docs") instanceof List<?> docs) {
			for (Object doc : docs) {
				if (doc instanceof ReferenceDocs.ReferenceDoc read && read.content() != null) {
					bytes += read.content().getBytes(StandardCharsets.UTF_8).length;
				}
			}
		}
		return bytes;
	}

	private Map<String, Object> phaseContext(WorkflowDefinition workflow, WorkSession session, List<String> missing) {
		if (session.currentPhase() == null || workflow.phase(session.currentPhase()).isEmpty()) {
			return null;
		}
		PhaseConfig phase = workflow.phase(session.currentPhase()).get();
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("id", phase.id());
		context.put("goal", phase.goal());
		context.put("required_artifacts", phase.artifacts().required().stream().map(ArtifactSpec::name).toList());
		context.put("missing_artifacts", missing);
		context.put("next_step", phase.nextStep());
		return context;
	}

	/**
	 * The current phase's required artifacts neither submitted in this iteration nor on
	 * disk.
	 */
	private List<String> missingArtifacts(WorkflowDefinition workflow, WorkSession session, Task task) {
		if (session.currentPhase() == null || session.status().isTerminal()
				|| workflow.phase(session.currentPhase()).isEmpty()) {
			return List.of();
		}
		Set<String> present = this.artifacts.namesIn(session.id(), session.currentIteration());
		return workflow.phase(session.currentPhase())
			.get()
			.artifacts()
			.required()
			.stream()
			.map(ArtifactSpec::name)
			.filter((name) -> !present.contains(name) && !this.files.taskFileExists(task, name))
			.toList();
	}

	static Map<String, Object> taskContext(Task task) {
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("code", task.taskCode());
		context.put("title", task.title());
		context.put("description", task.description());
		context.put("status", task.status().value());
		context.put("priority", task.priority().name());
		context.put("metadata", task.metadata());
		context.put("agent_config", task.agentConfig());
		return context;
	}

	/**
	 * The sprint with its other tasks, one line each, so the agent sees what its work
	 * sits beside without a call per task.
	 */
	private Map<String, Object> withTasks(Map<String, Object> sprint, Task task) {
		List<Map<String, Object>> others = new ArrayList<>();
		for (TaskLine line : this.tasks.linesOfSprint(task.sprintCode())) {
			if (!line.taskCode().equals(task.taskCode()) && others.size() < SPRINT_TASKS) {
				Map<String, Object> other = new LinkedHashMap<>();
				other.put("code", line.taskCode());
				other.put("title", line.title());
				other.put("status", line.status().value());
				other.put("priority", line.priority());
				others.add(other);
			}
		}
		sprint.put("other_tasks", others);
		return sprint;
	}

	/**
	 * The agent that held the session before its latest hand-over, and when it was handed
	 * over; null when it never was.
	 */
	private Map<String, Object> previousAgent(WorkSession session) {
		return this.actions.lastHandOver(session.sessionKey()).map((handOver) -> {
			Map<String, Object> previous = new LinkedHashMap<>();
			previous.put("id", handOver.previousAgentId());
			previous.put("handle", this.agents.find(handOver.previousAgentId()).map(Agent::handle).orElse(null));
			previous.put("handed_over_at", handOver.at());
			return previous;
		}).orElse(null);
	}

	/** The agent's profile: who it is, what it can do, and the rails in its metadata. */
	private static Map<String, Object> agentContext(Agent agent) {
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("id", agent.id());
		context.put("handle", agent.handle());
		context.put("name", agent.name());
		context.put("kind", (agent.kind() != null) ? agent.kind().value() : null);
		context.put("capabilities", agent.capabilities());
		context.put("metadata", agent.metadata());
		return context;
	}

	/**
	 * The agent's profile, as the context shows it, written as the AGENT.yml an agent
	 * keeps beside its work.
	 */
	private String agentYml(Agent agent) {
		// plain maps and lists, as SnakeYAML writes them, in the profile's key order
		Object profile = this.json.mapper().convertValue(agentContext(agent), Object.class);
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		return new Yaml(options).dump(profile);
	}

	static Map<String, Object> sprintContext(Sprint sprint) {
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("code", sprint.sprintCode());
		context.put("title", sprint.title());
		context.put("status", sprint.status().value());
		context.put("owner", sprint.owner());
		context.put("metadata", sprint.metadata());
		return context;
	}

	/**
	 * The session with what its answers are worked out from.
	 *
	 * @param phase the current phase's context, null when the phase is not configured
	 */
	public record Situation(WorkSession session, WorkflowDefinition workflow, Task task, SessionTime time,
			List<String> missing, Map<String, Object> phase) {
	}

	/**
	 * The events that are work on the task: what others were refused and what the agent
	 * was handed are for the PM's timeline, not for the agent's context.
	 */
	private static List<OrchestrationEvent> workOnly(List<OrchestrationEvent> events) {
		return events.stream()
			.filter((event) -> !Refusals.EVENT.equals(event.eventType())
					&& !EventTypes.CONTEXT_ASSEMBLED.equals(event.eventType()))
			.toList();
	}

}
