package io.phaseflow.flowable;

import java.util.ArrayList;
import java.util.List;
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
					String phase = parameter.getSourceExpression();
					if (phase == null || phase.isBlank() || phase.contains("{")) {
						notLiteral.accept(activity);
					}
					else {
						phases.add(phase.trim());
					}
				}
			}
		}
		return phases;
	}

}
