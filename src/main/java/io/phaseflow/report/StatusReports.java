package io.phaseflow.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.phaseflow.common.Codes;
import io.phaseflow.common.EntityNotFound;
import io.phaseflow.sprint.Sprint;
import io.phaseflow.sprint.Sprints;
import io.phaseflow.task.TaskLine;
import io.phaseflow.task.TaskStatus;
import io.phaseflow.task.Tasks;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds sprint status reports from the database (read only): counts by status, and each
 * task's estimate against the time its sessions worked on it.
 */
@Service
public class StatusReports {

	private final Sprints sprints;

	private final Tasks tasks;

	private final TaskTimes times;

	StatusReports(Sprints sprints, Tasks tasks, TaskTimes times) {
		this.sprints = sprints;
		this.tasks = tasks;
		this.times = times;
	}

	@Transactional(readOnly = true)
	public StatusReport of(String sprintCode) {
		String code = Codes.normalize("sprint_code", sprintCode);
		Sprint sprint = this.sprints.findByCode(code).orElseThrow(() -> new EntityNotFound("sprint", sprintCode));
		List<TaskLine> sprintTasks = this.tasks.linesOfSprint(code);
		Map<String, Long> actual = this.times.activeMinutesOfSprint(code);
		List<StatusReport.Line> lines = sprintTasks.stream().map((task) -> line(task, actual)).toList();
		return new StatusReport(sprint.sprintCode(), sprint.title(), sprint.status().value(),
				summary(sprintTasks, lines), lines, advice(lines));
	}

	private static StatusReport.Line line(TaskLine task, Map<String, Long> actual) {
		long minutes = actual.getOrDefault(task.taskCode(), 0L);
		return new StatusReport.Line(task.taskCode(), task.title(), task.status(), task.priority(),
				task.estimateMinutes(), minutes, task.estimateMinutes() != null && minutes > task.estimateMinutes());
	}

	private static StatusReport.Summary summary(List<TaskLine> tasks, List<StatusReport.Line> lines) {
		int total = tasks.size();
		Map<TaskStatus, Integer> byStatus = new EnumMap<>(TaskStatus.class);
		tasks.forEach((task) -> byStatus.merge(task.status(), 1, Integer::sum));
		int completed = byStatus.getOrDefault(TaskStatus.COMPLETED, 0);
		BigDecimal progress = (total == 0) ? BigDecimal.ZERO.setScale(2)
				: BigDecimal.valueOf(completed * 100L).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
		long estimated = lines.stream()
			.filter((line) -> line.estimateMinutes() != null)
			.mapToLong(StatusReport.Line::estimateMinutes)
			.sum();
		return new StatusReport.Summary(total, completed, byStatus.getOrDefault(TaskStatus.IN_PROGRESS, 0),
				byStatus.getOrDefault(TaskStatus.BLOCKED, 0), byStatus.getOrDefault(TaskStatus.PENDING, 0), progress,
				byStatus.getOrDefault(TaskStatus.PENDING_VERIFICATION, 0), byStatus.getOrDefault(TaskStatus.FAILED, 0),
				estimated, lines.stream().mapToLong(StatusReport.Line::actualMinutes).sum(),
				(int) lines.stream().filter(StatusReport.Line::overEstimate).count());
	}

	/** A new estimate for every task whose actual time exceeds its estimate. */
	private static StatusReport.Advice advice(List<StatusReport.Line> lines) {
		List<String> actions = new ArrayList<>();
		List<String> commands = new ArrayList<>();
		lines.stream().filter(StatusReport.Line::overEstimate).forEach((line) -> {
			actions.add(reEstimate(line.taskCode(), line.actualMinutes(), line.estimateMinutes()));
			commands.add(estimateCommand(line.taskCode(), line.actualMinutes()));
		});
		return new StatusReport.Advice(actions, commands);
	}

	/** The advice to re-estimate a task that took longer than estimated. */
	public static String reEstimate(String taskCode, long actualMinutes, long estimateMinutes) {
		return "Actual time of task " + taskCode + " (" + actualMinutes + " min) exceeds the estimate ("
				+ estimateMinutes + " min): update estimate_minutes (PATCH /api/orchestration/tasks/" + taskCode + ")";
	}

	/** The command that gives a task a new estimate. */
	public static String estimateCommand(String taskCode, long minutes) {
		return "phaseflow task estimate " + taskCode + " " + minutes;
	}

}
