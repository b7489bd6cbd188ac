package io.phaseflow.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.phaseflow.common.WireValue;
import io.phaseflow.task.TaskStatus;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Turns the node tree of {@code workflow.yaml} into a {@link WorkflowDefinition},
 * recording every problem on the way.
 */
final class WorkflowReader {

	private static final List<String> ROOT_KEYS = List.of("settings", "phases");

	private static final List<String> SETTINGS_KEYS = List.of("allow_phase_skip", "allow_user_override",
			"require_artifact_validation", "sync_files_on_phase_complete", "sync_files_on_close", "stale_after",
			"task_status", "require_dependencies_completed");

	private static final List<String> TASK_STATUS_KEYS = List.of("on_start", "on_complete", "on_fail", "on_terminate",
			"sprint_follows_tasks");

	private final Problems problems;

	WorkflowReader(Problems problems) {
		this.problems = problems;
	}

	/** The definition, or {@code null} when problems were recorded. */
	WorkflowDefinition read(Node root) {
		if (!(root instanceof MappingNode)) {
			this.problems.add(root, "", "must be a mapping with settings and phases");
			return null;
		}
		YamlMap document = YamlMap.read(root, "", Problems.lineOf(root), ROOT_KEYS, this.problems);
		Settings settings = settings(document.map("settings", SETTINGS_KEYS));
		List<PhaseConfig> phases = phases(document);
		return this.problems.isEmpty() ? new WorkflowDefinition(settings, phases) : null;
	}

	private Settings settings(YamlMap map) {
		Settings defaults = Settings.DEFAULTS;
		return new Settings(map.flag("allow_phase_skip", defaults.allowPhaseSkip()),
				map.flag("allow_user_override", defaults.allowUserOverride()),
				map.flag("require_artifact_validation", defaults.requireArtifactValidation()),
				map.flag("sync_files_on_phase_complete", defaults.syncFilesOnPhaseComplete()),
				map.flag("sync_files_on_close", defaults.syncFilesOnClose()),
				map.positiveDuration("stale_after", defaults.staleAfter()),
				taskStatus(map.map("task_status", TASK_STATUS_KEYS), defaults.taskStatus()),
				map.flag("require_dependencies_completed", defaults.requireDependenciesCompleted()));
	}

	private TaskStatusRules taskStatus(YamlMap map, TaskStatusRules defaults) {
		return new TaskStatusRules(status(map, "on_start", defaults.onStart()),
				status(map, "on_complete", defaults.onComplete()), status(map, "on_fail", defaults.onFail()),
				status(map, "on_terminate", defaults.onTerminate()),
				map.flag("sprint_follows_tasks", defaults.sprintFollowsTasks()));
	}

	private TaskStatus status(YamlMap map, String key, TaskStatus fallback) {
		return map.value(key)
			.map((node) -> map.scalar(node, map.child(key), "must be one of " + WireValue.allOf(TaskStatus.class),
					WorkflowReader::taskStatus))
			.orElse(fallback);
	}

	private static TaskStatus taskStatus(String text) {
		try {
			return WireValue.parse(TaskStatus.class, text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private List<PhaseConfig> phases(YamlMap document) {
		Optional<Node> node = document.value("phases");
		YamlMap phases = document.map("phases", null);
		if (phases.keys().isEmpty() && (node.isEmpty() || node.get() instanceof MappingNode)) {
			this.problems.add(document.lineOf("phases"), "phases", "must be a mapping of at least one phase");
		}
		List<PhaseConfig> configs = new ArrayList<>();
		Map<Integer, String> orders = new HashMap<>();
		for (String id : phases.keys()) {
			YamlMap map = phases.map(id, PhaseReader.KEYS);
			PhaseConfig phase = new PhaseReader(id, map, this.problems).read();
			if (phase == null) {
				continue;
			}
			String other = orders.putIfAbsent(phase.order(), id);
			if (other != null) {
				this.problems.add(map.lineOf("order"), map.child("order"),
						"order " + phase.order() + " is already used by phase '" + other + "'");
			}
			configs.add(phase);
		}
		return configs;
	}

}
