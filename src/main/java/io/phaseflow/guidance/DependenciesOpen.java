package io.phaseflow.guidance;

import java.util.List;
import java.util.Map;

import io.phaseflow.common.FieldError;
import io.phaseflow.common.PhaseflowException;

/**
 * Agent init on a task that depends on tasks not completed yet, while workflow.yaml's
 * {@code require_dependencies_completed} is on (HTTP 409): the work would start on ground
 * that is still moving. The problem names the open dependencies.
 */
public class DependenciesOpen extends PhaseflowException {

	private final List<Map<String, Object>> open;

	DependenciesOpen(String taskCode, List<Map<String, Object>> open, String described) {
		super(Kind.CONFLICT,
				"Task " + taskCode + " depends on tasks not completed yet: " + described
						+ " (workflow.yaml: require_dependencies_completed)",
				open.stream()
					.map((dependency) -> new FieldError("depends_on",
							dependency.get("code") + " is " + dependency.get("status")))
					.toList());
		this.open = List.copyOf(open);
	}

	@Override
	public String title() {
		return "Dependencies not completed";
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("open_dependencies", this.open);
	}

}
