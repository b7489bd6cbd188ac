package io.phaseflow.flowable.processapi;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.flowable.forms.TaskForms;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.engine.HistoryService;
import org.flowable.engine.TaskService;
import org.flowable.form.model.SimpleFormModel;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskInfo;
import org.flowable.task.api.history.HistoricTaskInstance;

import org.springframework.stereotype.Component;

/**
 * A task's form at {@code /process-api} ({@code GET /runtime/tasks/{id}/form}, {@code GET
 * /history/historic-task-instances/{id}/form}), from {@code forms/}, in the JSON of
 * Flowable's form model: Flowable would ask its form engine, which Flowable 7 no longer
 * has, and fail. A finished task's fields carry the values recorded with its decision
 * (its local variables of the fields' names); a running task's carry none. Who may see
 * the task may read its form. Served by {@link TaskFormFilter}.
 */
@Component
class TaskFormResources {

	/** Flowable's JSON: its own camelCase names, as its form model writes them. */
	static final ObjectMapper JSON = JsonMapper.builder().build();

	private final TaskService tasks;

	private final HistoryService history;

	private final TaskForms forms;

	private final TaskAccess taskAccess;

	private final HistoryAccess historyAccess;

	TaskFormResources(TaskService tasks, HistoryService history, TaskForms forms, TaskAccess taskAccess,
			HistoryAccess historyAccess) {
		this.tasks = tasks;
		this.history = history;
		this.forms = forms;
		this.taskAccess = taskAccess;
		this.historyAccess = historyAccess;
	}

	/**
	 * The form of a running or finished task.
	 * @throws FlowableObjectNotFoundException if there is no such task, or it has no form
	 * @throws org.flowable.common.engine.api.FlowableForbiddenException if the caller may
	 * not see the task
	 */
	ObjectNode form(String taskId) {
		TaskInfo task = this.tasks.createTaskQuery().taskId(taskId).singleResult();
		Map<String, Object> values = Map.of();
		if (task != null) {
			this.taskAccess.mayWorkOn((Task) task);
		}
		else {
			HistoricTaskInstance done = this.history.createHistoricTaskInstanceQuery()
				.taskId(taskId)
				.includeTaskLocalVariables()
				.singleResult();
			if (done == null) {
				throw new FlowableObjectNotFoundException("Could not find a task with id '" + taskId + "'");
			}
			this.historyAccess.task(taskId);
			task = done;
			values = done.getTaskLocalVariables();
		}
		SimpleFormModel form = this.forms.find(task.getFormKey())
			.orElseThrow(() -> new FlowableObjectNotFoundException(
					"Task " + taskId + " has no form: only user tasks whose formKey names a file of forms/ have one"));
		return formModel(form, values);
	}

	/** The form as Flowable's form model response, each field with its value, if any. */
	private static ObjectNode formModel(SimpleFormModel form, Map<String, Object> values) {
		ObjectNode model = JSON.createObjectNode()
			.put("id", form.getKey())
			.put("name", form.getName())
			.put("description", form.getDescription())
			.put("key", form.getKey())
			.put("version", form.getVersion());
		JsonNode fields = JSON.valueToTree(form.getFields());
		for (JsonNode field : fields) {
			((ObjectNode) field).set("value", JSON.valueToTree(values.get(field.path("id").asText())));
		}
		model.set("fields", fields);
		model.set("outcomes",
				(form.getOutcomes() != null) ? JSON.valueToTree(form.getOutcomes()) : JSON.createArrayNode());
		return model;
	}

}
