package io.phaseflow.pmtools;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.phaseflow.common.Codes;
import io.phaseflow.common.EntityNotFound;
import io.phaseflow.sprint.Sprint;
import io.phaseflow.sprint.Sprints;
import io.phaseflow.task.Task;
import io.phaseflow.task.TaskFilter;
import io.phaseflow.task.TaskStatus;
import io.phaseflow.task.Tasks;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds sprint status reports from the database (read only).
 */
@Service
public class StatusReports {

	private final Sprints sprints;

	private final Tasks tasks;

	StatusReports(Sprints sprints, Tasks tasks) {
		this.sprints = sprints;
		this.tasks = tasks;
	}

	@Transactional(readOnly = true)
	public StatusReport of(String sprintCode) {
		String code = Codes.normalize("sprint_code", sprintCode);
		Sprint sprint = this.sprints.findByCode(code).orElseThrow(() -> new EntityNotFound("sprint", sprintCode));
		List<Task> sprintTasks = this.tasks.find(new TaskFilter(code, null, null));
		return new StatusReport(sprint.sprintCode(), sprint.title(), sprint.status().value(), summary(sprintTasks),
				sprintTasks.stream()
					.map((task) -> new StatusReport.Line(task.taskCode(), task.title(), task.status(), task.priority()))
					.toList());
	}

	static StatusReport.Summary summary(List<Task> tasks) {
		int total = tasks.size();
		int completed = count(tasks, TaskStatus.COMPLETED);
		BigDecimal progress = (total == 0) ? BigDecimal.ZERO.setScale(2)
				: BigDecimal.valueOf(completed * 100L).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
		return new StatusReport.Summary(total, completed, count(tasks, TaskStatus.IN_PROGRESS),
				count(tasks, TaskStatus.BLOCKED), count(tasks, TaskStatus.PENDING), progress,
				count(tasks, TaskStatus.PENDING_VERIFICATION), count(tasks, TaskStatus.FAILED));
	}

	private static int count(List<Task> tasks, TaskStatus status) {
		return (int) tasks.stream().filter((task) -> task.status() == status).count();
	}

}
