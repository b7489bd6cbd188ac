package io.phaseflow.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.phaseflow.common.PhaseflowException;
import io.phaseflow.common.PhaseflowException.Kind;

/**
 * The session cannot move to the phase asked for from where it is (it is there already,
 * or the move would skip phases the workflow does not let it skip); nothing changed.
 */
public class TransitionRefused extends PhaseflowException {

	private final Map<String, Object> properties;

	private TransitionRefused(String detail, Map<String, Object> properties) {
		super(Kind.CONFLICT, detail, List.of());
		this.properties = properties;
	}

	static TransitionRefused alreadyIn(WorkSession session) {
		return new TransitionRefused(
				"Session " + session.sessionKey() + " is in phase " + session.currentPhase()
						+ " already; a transition moves it to another phase",
				Map.of("current_phase", session.currentPhase()));
	}

	static TransitionRefused skipNotAllowed(String from, String to, List<String> skipped) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("current_phase", from);
		properties.put("skipped_phases", skipped);
		properties.put("allow_phase_skip", false);
		return new TransitionRefused("Moving from " + from + " to " + to + " would skip " + String.join(", ", skipped)
				+ "; workflow.yaml's settings.allow_phase_skip is false, so a session moves forward one phase "
				+ "at a time (back to any earlier phase)", properties);
	}

	@Override
	public String title() {
		return "Transition refused";
	}

	@Override
	public Map<String, Object> properties() {
		return this.properties;
	}

}
