package io.phaseflow.flowable.forms;

import java.util.List;
import java.util.Map;

import io.phaseflow.common.FieldError;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.UserTask;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.flowable.engine.impl.form.DefaultTaskFormHandler;
import org.flowable.engine.impl.form.FormHandlerHelper;
import org.flowable.engine.impl.form.TaskFormHandler;
import org.flowable.engine.impl.persistence.entity.DeploymentEntity;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.impl.util.ProcessDefinitionUtil;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.form.model.SimpleFormModel;
import org.flowable.variable.api.delegate.VariableScope;

/**
 * Gives a user task whose {@code formKey} names a file of {@code forms/} that form, in
 * Flowable's form service: {@code getTaskFormData} shows its fields and
 * {@code submitTaskFormData} refuses a submission that does not fit it (instead of
 * storing stray fields as variables or failing on a missing one with a 500).
 */
public class FormFileHandlers extends FormHandlerHelper {

	/**
	 * Marks the task's execution, for the rest of the command, as completed through a
	 * form submission, whose fields Flowable records as historic form properties.
	 */
	private static final String SUBMITTED = "phaseflowFormSubmitted";

	private final TaskForms forms;

	public FormFileHandlers(TaskForms forms) {
		this.forms = forms;
	}

	@Override
	public TaskFormHandler getTaskFormHandlder(String processDefinitionId, String taskDefinitionKey) {
		FlowElement element = ProcessDefinitionUtil.getProcess(processDefinitionId)
			.getFlowElement(taskDefinitionKey, true);
		if (element instanceof UserTask task) {
			SimpleFormModel form = this.forms.find(task.getFormKey()).orElse(null);
			if (form != null) {
				ProcessDefinition definition = ProcessDefinitionUtil.getProcessDefinition(processDefinitionId);
				DeploymentEntity deployment = CommandContextUtil.getProcessEngineConfiguration()
					.getDeploymentEntityManager()
					.findById(definition.getDeploymentId());
				TaskFormHandler handler = new CheckedFormHandler(form, this.forms);
				handler.parseConfiguration(TaskForms.properties(form), task.getFormKey(), deployment, definition);
				return handler;
			}
		}
		return super.getTaskFormHandlder(processDefinitionId, taskDefinitionKey);
	}

	/**
	 * Whether the task of this execution is being completed through a form submission,
	 * which recorded its fields as historic form properties.
	 */
	public static boolean submitted(VariableScope execution) {
		return Boolean.TRUE.equals(execution.getTransientVariableLocal(SUBMITTED));
	}

	/** Flowable's task form handler, with the form's check before anything is stored. */
	private static final class CheckedFormHandler extends DefaultTaskFormHandler {

		private final transient SimpleFormModel form;

		private final transient TaskForms forms;

		CheckedFormHandler(SimpleFormModel form, TaskForms forms) {
			this.form = form;
			this.forms = forms;
		}

		@Override
		public void submitFormProperties(Map<String, String> properties, ExecutionEntity execution) {
			FormRejected.unless(this.form, this.forms.problems(this.form, properties));
			super.submitFormProperties(properties, execution);
			execution.setTransientVariableLocal(SUBMITTED, Boolean.TRUE);
		}

	}

	/** A submission that does not fit its form: 400, with a problem per field. */
	public static final class FormRejected extends FlowableIllegalArgumentException {

		private final transient List<FieldError> problems;

		private FormRejected(SimpleFormModel form, List<FieldError> problems) {
			super("The submission does not fit form " + form.getKey() + ": " + String.join("; ",
					problems.stream().map((problem) -> problem.field() + " " + problem.message()).toList()));
			this.problems = List.copyOf(problems);
		}

		/** Throws unless there are no problems. */
		public static void unless(SimpleFormModel form, List<FieldError> problems) {
			if (!problems.isEmpty()) {
				throw new FormRejected(form, problems);
			}
		}

		public List<FieldError> problems() {
			return this.problems;
		}

	}

}
