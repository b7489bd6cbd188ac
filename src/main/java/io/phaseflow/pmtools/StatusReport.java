package io.phaseflow.pmtools;

import java.math.BigDecimal;
import java.util.List;

import io.phaseflow.task.Priority;
import io.phaseflow.task.TaskStatus;

/**
 * A sprint's progress, in the shape of seed 000 step 8.
 */
public record StatusReport(String sprintCode, String sprintTitle, String sprintStatus, Summary summary,
		List<Line> tasks) {

	/**
	 * Task counts by status. {@code progress_percentage} is completed / total with two
	 * decimals; {@code pending_verification} and {@code failed} follow the seed's counts
	 * so that they add up.
	 */
	public record Summary(int totalTasks, int completed, int inProgress, int blocked, int pending,
			BigDecimal progressPercentage, int pendingVerification, int failed) {
	}

	/** One task of the sprint. */
	public record Line(String taskCode, String title, TaskStatus status, Priority priority) {
	}

}
