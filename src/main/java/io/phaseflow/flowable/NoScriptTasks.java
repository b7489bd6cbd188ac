package io.phaseflow.flowable;

import java.util.List;

import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.ScriptTask;
import org.flowable.validation.ValidationError;
import org.flowable.validation.validator.ProcessLevelValidator;

/**
 * Refuses processes with script tasks: code in a diagram would run inside the server with
 * its privileges. Service tasks call Phaseflow's delegate beans instead.
 */
class NoScriptTasks extends ProcessLevelValidator {

	static final String PROBLEM = "phaseflow-no-script-tasks";

	@Override
	protected void executeValidation(BpmnModel model, Process process, List<ValidationError> errors) {
		for (ScriptTask task : process.findFlowElementsOfType(ScriptTask.class)) {
			addError(errors, PROBLEM, process, task,
					"Script tasks are not allowed; use a service task with flowable:delegateExpression");
		}
	}

}
