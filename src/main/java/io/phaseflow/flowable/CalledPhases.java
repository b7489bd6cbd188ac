package io.phaseflow.flowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.flowable.bpmn.model.CallActivity;
import org.flowable.bpmn.model.IOParameter;
import org.flowable.bpmn.model.Process;

/**
 * The phases a session process calls: the call activities' {@code phase} inputs, written
 * as literals ({@code <flowable:in sourceExpression="intake" target="phase"/>}).
 */
public final class CalledPhases {

	private CalledPhases() {
	}

	/**
	 * The phases, in document order; a call activity whose {@code phase} input is not a
	 * literal is handed to {@code notLiteral} instead.
	 */
	public static List<String> of(Process process, Consumer<CallActivity> notLiteral) {
		List<String> phases = new ArrayList<>();
		for (CallActivity activity : process.findFlowElementsOfType(CallActivity.class, true)) {
			for (IOParameter parameter : activity.getInParameters()) {
				if (ProcessVariables.PHASE.equals(parameter.getTarget())) {
					String phase = literal(parameter);
					if (phase == null) {
						notLiteral.accept(activity);
					}
					else {
						phases.add(phase);
					}
				}
			}
		}
		return phases;
	}

	/** The phase one call activity calls, if its {@code phase} input is a literal. */
	public static Optional<String> of(CallActivity activity) {
		return activity.getInParameters()
			.stream()
			.filter((parameter) -> ProcessVariables.PHASE.equals(parameter.getTarget()))
			.map(CalledPhases::literal)
			.filter(Objects::nonNull)
			.findFirst();
	}

	private static String literal(IOParameter parameter) {
		String phase = parameter.getSourceExpression();
		return (phase == null || phase.isBlank() || phase.contains("{")) ? null : phase.trim();
	}

}
