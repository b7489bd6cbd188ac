package io.phaseflow.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.phaseflow.session.SessionQueries;
import io.phaseflow.session.WorkSession;
import io.phaseflow.sprint.Sprint;
import io.phaseflow.sprint.SprintManagement;
import io.phaseflow.task.Task;
import io.phaseflow.task.TaskFilter;
import io.phaseflow.task.TaskManagement;
import io.phaseflow.task.TaskStatus;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The sprints, and a sprint's board: its tasks in one column per status, each with the
 * phase its session is in.
 */
@Controller
class BoardController extends PageController {

	private final SprintManagement sprints;

	private final TaskManagement tasks;

	private final SessionQueries sessions;

	BoardController(SprintManagement sprints, TaskManagement tasks, SessionQueries sessions) {
		this.sprints = sprints;
		this.tasks = tasks;
		this.sessions = sessions;
	}

	@GetMapping("/ui")
	String sprints(Model model) {
		model.addAttribute("sprints", this.sprints.list(null));
		return "sprints";
	}

	@GetMapping("/ui/sprints/{code}")
	String board(@PathVariable String code, Model model) {
		Sprint sprint = this.sprints.get(code);
		List<Task> tasks = this.tasks.list(new TaskFilter(sprint.sprintCode(), null, null));
		Map<String, WorkSession> sessions = this.sessions.latestOfSprint(sprint.sprintCode());
		List<Column> columns = Arrays.stream(TaskStatus.values())
			.map((status) -> new Column(status.value(), status.value().replace('_', ' '),
					tasks.stream()
						.filter((task) -> task.status() == status)
						.map((task) -> Card.of(task, sessions.get(task.taskCode())))
						.toList()))
			.toList();
		model.addAttribute("sprint", sprint);
		model.addAttribute("columns", columns);
		model.addAttribute("taskCount", tasks.size());
		return "board";
	}

	/** One status column of the board. */
	public record Column(String status, String label, List<Card> cards) {
	}

	/**
	 * A task on the board.
	 *
	 * @param sessionKey the task's latest session, if it had one
	 * @param phase the phase that session is in, while it is active
	 * @param sessionStatus the status of that session
	 */
	public record Card(String code, String title, String priority, String sessionKey, String phase,
			String sessionStatus) {

		static Card of(Task task, WorkSession session) {
			if (session == null) {
				return new Card(task.taskCode(), task.title(), task.priority().name(), null, null, null);
			}
			return new Card(task.taskCode(), task.title(), task.priority().name(), session.sessionKey(),
					session.status().isTerminal() ? null : session.currentPhase(), session.status().value());
		}

	}

}
