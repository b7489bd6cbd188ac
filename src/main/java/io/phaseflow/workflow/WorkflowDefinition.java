package io.phaseflow.workflow;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The validated content of {@code workflow.yaml}: settings and the phases in order.
 *
 * @param settings the global settings
 * @param phases the phases, ordered by {@link PhaseConfig#order()}; never empty
 */
public record WorkflowDefinition(Settings settings, List<PhaseConfig> phases) {

	public WorkflowDefinition {
		phases = phases.stream().sorted(Comparator.comparingInt(PhaseConfig::order)).toList();
		if (phases.isEmpty()) {
			throw new IllegalArgumentException("A workflow needs at least one phase");
		}
	}

	/** The phase with the given id, if there is one. */
	public Optional<PhaseConfig> phase(String id) {
		return this.phases.stream().filter((phase) -> phase.id().equals(id)).findFirst();
	}

	/** The first phase of a session. */
	public PhaseConfig firstPhase() {
		return this.phases.get(0);
	}

	/**
	 * The phase that follows the given one, or empty after the last phase.
	 * @throws IllegalArgumentException if there is no phase with that id
	 */
	public Optional<PhaseConfig> phaseAfter(String id) {
		PhaseConfig current = phase(id).orElseThrow(() -> new IllegalArgumentException("Unknown phase: " + id));
		int next = this.phases.indexOf(current) + 1;
		return (next < this.phases.size()) ? Optional.of(this.phases.get(next)) : Optional.empty();
	}

	/** The phase ids, in order. */
	public List<String> phaseIds() {
		return this.phases.stream().map(PhaseConfig::id).toList();
	}

}
