package io.phaseflow.report;

import java.math.BigDecimal;
import java.util.List;

import io.phaseflow.task.Priority;
import io.phaseflow.task.TaskStatus;

/**
 * A sprint's progress: counts by status and its tasks, with estimated and actual time.
 *
 * @param instructions what to do about tasks whose actual time exceeds their estimate
 */
public record StatusReport(String sprintCode, String sprintTitle, String sprintStatus, Summary summary,
		List<Line> tasks, Advice instructions) {

	/**
	 * Task counts by status. {@code progress_percentage} is completed / total with two
	 * decimals; {@code pending_verification} and {@code failed} are counted too, so that
	 * the counts add up to {@code total_tasks}.
	 *
	 * @param estimateMinutes the sum of the tasks' estimates
	 * @param actualMinutes the sum of the tasks' active time
	 * @param overEstimate how many tasks took longer than estimated
	 */
	public record Summary(int totalTasks, int completed, int inProgress, int blocked, int pending,
			BigDecimal progressPercentage, int pendingVerification, int failed, long estimateMinutes,
			long actualMinutes, int overEstimate) {
	}

	/**
	 * One task of the sprint.
	 *
	 * @param estimateMinutes the task's estimate, if it has one
	 * @param actualMinutes the active time of the task's sessions
	 * @param overEstimate whether the actual time exceeds the estimate
	 */
	public record Line(String taskCode, String title, TaskStatus status, Priority priority, Integer estimateMinutes,
			long actualMinutes, boolean overEstimate) {
	}

	/** Next actions and the commands that carry them out. */
	public record Advice(List<String> nextActions, List<String> suggestedCommands) {
	}

}
