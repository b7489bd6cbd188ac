package io.phaseflow.workflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one entry of {@code phases}, recording every problem on the way.
 */
final class PhaseReader {

	static final List<String> KEYS = List.of("order", "goal", "description", "artifacts", "validation", "override",
			"events", "next_step", "qa");

	/** The phase that decides QA in a file that does not say which one does. */
	private static final String LEGACY_QA_PHASE = "review";

	private static final List<String> ARTIFACTS_KEYS = List.of("required", "optional");

	private static final List<String> ARTIFACT_KEYS = List.of("name", "template");

	private static final List<String> VALIDATION_KEYS = List.of("required_fields", "warn_if_missing");

	private static final List<String> OVERRIDE_KEYS = List.of("allowed", "approval", "candidate_groups", "due_in",
			"priority");

	private final String id;

	private final YamlMap map;

	private final Problems problems;

	PhaseReader(String id, YamlMap map, Problems problems) {
		this.id = id;
		this.map = map;
		this.problems = problems;
	}

	/** The phase, or {@code null} when a required part is missing or malformed. */
	PhaseConfig read() {
		if (!Rule.PHASE_ID.accepts(this.id)) {
			this.problems.add(this.map.line(), this.map.path(), "phase id " + Rule.PHASE_ID.message());
		}
		Integer order = this.map.requiredWholeNumber("order");
		if (order != null && order < 1) {
			this.problems.add(this.map.lineOf("order"), this.map.child("order"), "must be a positive whole number");
		}
		String goal = this.map.requiredText("goal");
		String description = this.map.text("description", "");
		Artifacts artifacts = artifacts(this.map.map("artifacts", ARTIFACTS_KEYS));
		YamlMap rules = this.map.map("validation", VALIDATION_KEYS);
		Validation validation = new Validation(rules.names("required_fields", Rule.FIELD),
				rules.names("warn_if_missing", Rule.FIELD));
		OverridePolicy override = this.map.value("override").isPresent()
				? override(this.map.map("override", OVERRIDE_KEYS)) : OverridePolicy.NOT_ALLOWED;
		String prefix = this.id + ".";
		List<String> events = this.map.names("events", (name) -> Rule.EVENT.accepts(name) && name.startsWith(prefix),
				"must be an event name starting with '" + prefix + "', such as " + prefix + "start");
		String nextStep = this.map.requiredText("next_step");
		if (order == null || goal == null || nextStep == null) {
			return null;
		}
		// files written before the qa key, still active in deployed versions, had review
		// decide QA: without the key, a phase named review still does
		boolean qa = this.map.flag("qa", LEGACY_QA_PHASE.equals(this.id));
		for (int i = 0; i < events.size(); i++) {
			String name = events.get(i).substring(prefix.length());
			if (name.startsWith("qa_") && !(qa && (name.equals("qa_passed") || name.equals("qa_failed")))) {
				// no step could emit it: the QA events fire only where the phase decides
				// QA
				this.problems.add(this.map.lineOf("events"), this.map.child("events") + "[" + i + "]",
						"qa_passed and qa_failed are the only qa_ events, and only a phase with qa: true has them");
			}
		}
		return new PhaseConfig(this.id, order, goal, description, artifacts, validation, override, events, nextStep,
				qa);
	}

	private Artifacts artifacts(YamlMap artifacts) {
		Set<String> seen = new HashSet<>();
		return new Artifacts(artifactList(artifacts, "required", seen), artifactList(artifacts, "optional", seen));
	}

	private List<ArtifactSpec> artifactList(YamlMap artifacts, String key, Set<String> seen) {
		List<Node> items = artifacts.items(key);
		List<ArtifactSpec> specs = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			String path = artifacts.child(key) + "[" + i + "]";
			ArtifactSpec spec = artifact(items.get(i), path);
			if (spec != null && !seen.add(spec.name())) {
				this.problems.add(items.get(i), path, "artifact " + spec.name() + " is listed more than once");
			}
			else if (spec != null) {
				specs.add(spec);
			}
		}
		return specs;
	}

	/**
	 * An artifact written as {@code TASK.md} or as {@code {name: TASK.md, template:
	 * TASK.md.ftl}}.
	 */
	private ArtifactSpec artifact(Node node, String path) {
		if (node instanceof ScalarNode) {
			String name = this.map.scalar(node, path, Rule.FILE_NAME.message(), accepted(Rule.FILE_NAME));
			return (name != null) ? new ArtifactSpec(name, null) : null;
		}
		YamlMap spec = YamlMap.read(node, path, Problems.lineOf(node), ARTIFACT_KEYS, this.problems);
		String name = spec.requiredText("name");
		if (name != null && !Rule.FILE_NAME.accepts(name)) {
			this.problems.add(spec.lineOf("name"), spec.child("name"), Rule.FILE_NAME.message());
			name = null;
		}
		String template = spec.value("template")
			.map((value) -> spec.scalar(value, spec.child("template"), Rule.TEMPLATE.message(),
					accepted(Rule.TEMPLATE)))
			.orElse(null);
		return (name != null) ? new ArtifactSpec(name, template) : null;
	}

	private OverridePolicy override(YamlMap override) {
		boolean allowed = override.flag("allowed", true);
		Approval approval = approval(override);
		List<String> groups = override.names("candidate_groups", Rule.GROUP);
		boolean groupsGiven = override.value("candidate_groups")
			.map((node) -> !(node instanceof SequenceNode sequence) || !sequence.getValue().isEmpty())
			.orElse(false);
		if (allowed && approval == Approval.REQUIRED && !groupsGiven) {
			this.problems.add(override.lineOf("candidate_groups"), override.child("candidate_groups"),
					"must name at least one group when approval is required");
		}
		Duration dueIn = override.positiveDuration("due_in", OverridePolicy.DEFAULT_DUE_IN);
		Integer priority = override.value("priority")
			.map((node) -> override.scalar(node, override.child("priority"),
					"must be a whole number from 0 to " + OverridePolicy.MAX_PRIORITY, PhaseReader::priority))
			.orElse(OverridePolicy.DEFAULT_PRIORITY);
		// the approval task's due date and priority mean nothing where no reviewer
		// decides
		for (String key : List.of("due_in", "priority")) {
			if (override.value(key).isPresent() && (!allowed || approval == Approval.NONE)) {
				this.problems.add(override.lineOf(key), override.child(key),
						"applies only to an override that is allowed and needs approval (approval: required)");
			}
		}
		return new OverridePolicy(allowed, (approval != null) ? approval : Approval.REQUIRED, groups, dueIn,
				(priority != null) ? priority : OverridePolicy.DEFAULT_PRIORITY);
	}

	private static Integer priority(String text) {
		try {
			int priority = Integer.parseInt(text);
			return (priority >= 0 && priority <= OverridePolicy.MAX_PRIORITY) ? priority : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * The approval; {@code required} when not given, {@code null} when written wrongly.
	 */
	private static Approval approval(YamlMap override) {
		Optional<Node> node = override.value("approval");
		return node.isEmpty() ? Approval.REQUIRED : override.scalar(node.get(), override.child("approval"),
				"must be one of none, required", Approval::fromYamlName);
	}

	private static Function<String, String> accepted(Rule rule) {
		return (text) -> rule.accepts(text) ? text : null;
	}

}
