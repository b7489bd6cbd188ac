package io.phaseflow.taskstatus;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.phaseflow.common.FieldError;
import io.phaseflow.common.PhaseflowException;
import io.phaseflow.common.PhaseflowException.Kind;
import io.phaseflow.session.Instructions;

/**
 * A task cannot be completed yet ({@link CompletionCheck}): its summary or its session's
 * context updates are missing. The problem lists each missing item and instructions with
 * the caller's choices: add them, force, or keep working.
 */
public class TaskNotReadyToComplete extends PhaseflowException {

	private final Instructions instructions;

	TaskNotReadyToComplete(String taskCode, List<FieldError> missing, Instructions instructions) {
		super(Kind.INVALID, "Task " + taskCode + " cannot be completed: "
				+ missing.stream().map(FieldError::message).collect(Collectors.joining("; ")), missing);
		this.instructions = instructions;
	}

	@Override
	public String title() {
		return "Task cannot be completed";
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("instructions", this.instructions);
	}

}
