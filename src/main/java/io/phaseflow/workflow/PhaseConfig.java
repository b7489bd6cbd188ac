package io.phaseflow.workflow;

import java.util.List;

/**
 * The configuration of one phase, as written under {@code phases.<id>} in
 * {@code workflow.yaml}.
 *
 * @param id the phase id, e.g. {@code intake}; also the BPMN call activity's input
 * @param order the phase's position (positive, unique, not necessarily contiguous)
 * @param goal what the phase is for, in one sentence
 * @param description a longer explanation; empty when not given
 * @param artifacts the artifacts the phase asks for
 * @param validation the task fields the phase checks
 * @param override the override policy when validation fails
 * @param events the phase's event names, e.g. {@code intake.start}
 * @param nextStep the next-step instructions shown to the agent
 */
public record PhaseConfig(String id, int order, String goal, String description, Artifacts artifacts,
		Validation validation, OverridePolicy override, List<String> events, String nextStep, boolean qa) {

	public PhaseConfig {
		events = List.copyOf(events);
	}

}
