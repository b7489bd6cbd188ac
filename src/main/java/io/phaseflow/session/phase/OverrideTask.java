package io.phaseflow.session.phase;

import java.time.Duration;
import java.util.List;

import io.phaseflow.common.FieldError;

/**
 * What a reviewer's "Approve override" task says about the one request it stands for, so
 * that a task list shows which task, phase and check it is about, and its history keeps
 * each request's own reason after later requests of the session.
 *
 * @param taskCode the task the session works on
 * @param taskTitle its title
 * @param phase the phase whose check failed
 * @param reason why the agent asked to move on all the same
 * @param failedChecks the checks that failed
 * @param agentId the agent whose session asks
 * @param dueIn how long the reviewer has ({@code due_in} of the phase's override)
 * @param priority the task's priority ({@code priority} of the phase's override)
 */
public record OverrideTask(String taskCode, String taskTitle, String phase, String reason,
		List<FieldError> failedChecks, Long agentId, Duration dueIn, int priority) {

	/** The longest name a task list keeps (Flowable's column). */
	static final int MAX_NAME = 255;

	/** The longest description a task list keeps (Flowable's column). */
	static final int MAX_DESCRIPTION = 4000;

	public OverrideTask {
		failedChecks = List.copyOf(failedChecks);
	}

	/** E.g. {@code Override plan of t-101: PLAN.md missing}. */
	public String name() {
		String checks = String.join(", ", this.failedChecks.stream().map(OverrideTask::checked).toList());
		return clip("Override " + this.phase + " of " + this.taskCode
				+ (checks.isEmpty() ? "" : ": " + checks + " missing"), MAX_NAME);
	}

	/**
	 * The request in a few sentences: who asks, for what, why, and what each answer does.
	 */
	public String description() {
		String failed = String.join("; ",
				this.failedChecks.stream().map((check) -> checked(check) + " " + check.message()).toList());
		String text = ((this.agentId != null) ? "Agent " + this.agentId : "The agent") + " asks to leave the "
				+ this.phase + " phase of " + this.taskCode + " (" + this.taskTitle + ") although its check failed"
				+ (failed.isEmpty() ? "" : ": " + failed) + ". Reason: "
				+ ((this.reason != null && !this.reason.isBlank()) ? this.reason : "none given")
				+ ". Approve to leave the phase all the same, or reject to send it back to the agent.";
		return clip(text, MAX_DESCRIPTION);
	}

	/** The artifact or task field a check is about, without its kind's prefix. */
	private static String checked(FieldError check) {
		return check.field().replaceFirst("^(artifacts|task)\\.", "");
	}

	private static String clip(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

}
