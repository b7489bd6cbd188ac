package io.phaseflow.taskstatus;

import io.phaseflow.common.Codes;
import io.phaseflow.memory.NoteRequest;
import io.phaseflow.task.TaskStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A status report on a task.
 *
 * @param emitEvent accepted for compatibility; the event is always written, because the
 * event log is the audit trail of every change
 * @param syncToFile write the task's TASK.md after the change
 * @param force complete the task without notes
 */
public record TaskStatusUpdate(@NotBlank @Pattern(regexp = Codes.PATTERN, message = Codes.RULE) String taskCode,
		@NotNull TaskStatus status, @Size(max = NoteRequest.MAX_TEXT) String notes, @Size(max = 100) String sessionKey,
		@Positive Long agentId, Boolean emitEvent, Boolean syncToFile, Boolean force) {
}
