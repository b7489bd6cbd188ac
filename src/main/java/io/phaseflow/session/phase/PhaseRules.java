package io.phaseflow.session.phase;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.phaseflow.common.FieldError;
import io.phaseflow.session.PhaseCheck;
import io.phaseflow.workflow.ArtifactSpec;
import io.phaseflow.workflow.PhaseConfig;
import io.phaseflow.workflow.Validation;
import io.phaseflow.workflow.WorkflowDefinition;

/**
 * The rules a phase's completion is checked by, apart from where their inputs come from:
 * which artifacts and task fields are missing, and what the check decides then.
 */
final class PhaseRules {

	private PhaseRules() {
	}

	/**
	 * Checks a phase of the workflow.
	 * @param iteration the session's iteration (an artifact is required anew in each)
	 * @param present whether an artifact of that name was submitted in this iteration or
	 * lies in the task's folder
	 * @param task the task as its JSON document, for its required fields
	 * @param reason the reason of the override, if the agent asked for one
	 */
	static PhaseCheck check(WorkflowDefinition workflow, PhaseConfig config, int iteration, Predicate<String> present,
			JsonNode task, boolean overrideRequested, String reason) {
		String phase = config.id();
		List<FieldError> errors = new ArrayList<>();
		if (workflow.settings().requireArtifactValidation()) {
			for (ArtifactSpec artifact : config.artifacts().required()) {
				if (!present.test(artifact.name())) {
					errors.add(new FieldError("artifacts." + artifact.name(), "is required in the " + phase + " phase"
							+ ((iteration > 1) ? " of iteration " + iteration : "")));
				}
			}
		}
		config.validation()
			.requiredFields()
			.stream()
			.filter((field) -> Validation.isMissing(task, field))
			.forEach((field) -> errors.add(new FieldError("task." + field,
					"is required in the " + phase + " phase; " + Validation.whoFills(task.path("task_code").asText())
							+ " (an approved override covers only the phase it was asked in)")));
		List<FieldError> warnings = config.validation()
			.warnIfMissing()
			.stream()
			.filter((field) -> Validation.isMissing(task, field))
			.map((field) -> new FieldError("task." + field, "is missing"))
			.toList();
		PhaseCheck.Result result = result(workflow, config, errors, overrideRequested);
		return new PhaseCheck(phase, result, errors, warnings,
				(result == PhaseCheck.Result.APPROVAL) ? config.override().candidateGroups() : List.of(), reason);
	}

	private static PhaseCheck.Result result(WorkflowDefinition workflow, PhaseConfig config, List<FieldError> errors,
			boolean overrideRequested) {
		if (errors.isEmpty()) {
			return PhaseCheck.Result.VALID;
		}
		if (!overrideRequested || !workflow.settings().allowUserOverride() || !config.override().allowed()) {
			return PhaseCheck.Result.INVALID;
		}
		return config.override().needsApproval() ? PhaseCheck.Result.APPROVAL : PhaseCheck.Result.OVERRIDE;
	}

}
