package io.phaseflow.flowable.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.stream.XMLStreamException;

import io.phaseflow.flowable.CalledPhases;
import io.phaseflow.flowable.EngineSettings;
import io.phaseflow.flowable.PhaseflowDelegates;
import io.phaseflow.flowable.ProcessVariables;
import io.phaseflow.flowable.forms.TaskForms;
import io.phaseflow.workflow.ConfigProblem;
import io.phaseflow.workflow.WorkflowEngine;
import io.phaseflow.workflow.deployment.DeploymentFile;
import io.phaseflow.workflow.deployment.ProcessDeployments.ProcessFileReport;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowableListener;
import org.flowable.bpmn.model.ImplementationType;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.UserTask;
import org.flowable.common.engine.impl.util.io.BytesStreamSource;
import org.flowable.engine.delegate.ExecutionListener;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.delegate.TaskListener;
import org.flowable.validation.ProcessValidator;
import org.flowable.validation.ValidationError;
import org.xml.sax.SAXParseException;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Checks one BPMN file as a deployment would, collecting every problem with its line: no
 * document type declaration, the XML against the BPMN schema, Flowable's validation rules
 * plus Phaseflow's (no script tasks), service tasks and listeners calling an Phaseflow
 * delegate bean of the right type through {@code flowable:delegateExpression="${bean}"},
 * user tasks naming an existing form of {@code forms/}, what {@link ProcessAllowList}
 * allows, and the phases the session process passes to its call activities.
 */
@Component
public class BpmnInspector {

	private static final Pattern BEAN = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

	private final ListableBeanFactory beans;

	private final TaskForms forms;

	private final ProcessValidator validator = EngineSettings.processValidator();

	BpmnInspector(ListableBeanFactory beans, TaskForms forms) {
		this.beans = beans;
		this.forms = forms;
	}

	public ProcessFileReport inspect(DeploymentFile file) {
		Problems problems = new Problems(file.name());
		BpmnModel model = ProcessAllowList.declarations(file.content(), problems) ? null : parse(file, problems);
		if (model == null) {
			return new ProcessFileReport(file.name(), List.of(), false, List.of(), problems.found);
		}
		if (model.getProcesses().isEmpty()) {
			problems.add(0, "", "defines no process");
		}
		for (ValidationError error : this.validator.validate(model)) {
			if (!error.isWarning()) {
				problems.add(error.getXmlLineNumber(),
						(error.getActivityId() != null) ? error.getActivityId() : error.getProcessDefinitionId(),
						error.getDefaultDescription());
			}
		}
		model.getProcesses().forEach((process) -> delegates(process, problems));
		ProcessAllowList.model(model.getProcesses(), problems);
		ProcessAllowList.expressions(file.content(), problems);
		Process session = model.getProcessById(WorkflowEngine.SESSION_PROCESS);
		List<String> phases = (session != null) ? CalledPhases.of(session,
				(activity) -> problems.add(activity.getXmlRowNumber(), activity.getId(),
						"must pass its phase as a literal: <flowable:in sourceExpression=\"<phase>\" target=\""
								+ ProcessVariables.PHASE + "\"/>"))
				: List.of();
		List<String> keys = model.getProcesses().stream().map(Process::getId).toList();
		return new ProcessFileReport(file.name(), keys, session != null, phases, problems.found);
	}

	private static BpmnModel parse(DeploymentFile file, Problems problems) {
		try {
			return new BpmnXMLConverter().convertToBpmnModel(new BytesStreamSource(file.content()), true, true,
					"UTF-8");
		}
		catch (RuntimeException ex) {
			Throwable cause = ex;
			while (cause.getCause() != null && cause.getCause() != cause) {
				cause = cause.getCause();
			}
			problems.add(line(cause), "", "is not valid BPMN 2.0 XML: " + reason(cause));
			return null;
		}
	}

	private static int line(Throwable cause) {
		if (cause instanceof SAXParseException sax) {
			return Math.max(sax.getLineNumber(), 0);
		}
		if (cause instanceof XMLStreamException stream && stream.getLocation() != null) {
			return Math.max(stream.getLocation().getLineNumber(), 0);
		}
		return 0;
	}

	private static String reason(Throwable cause) {
		String message = String.valueOf(cause.getMessage());
		int at = message.lastIndexOf("Message: ");
		return (at >= 0) ? message.substring(at + "Message: ".length()).trim() : message.trim();
	}

	private void delegates(Process process, Problems problems) {
		listeners(process, process.getExecutionListeners(), problems);
		for (FlowElement element : process.findFlowElementsOfType(FlowElement.class, true)) {
			listeners(element, element.getExecutionListeners(), problems);
			if (element instanceof UserTask task) {
				form(task, problems);
				for (FlowableListener listener : task.getTaskListeners()) {
					listener(task, listener, "task listener", problems, TaskListener.class);
				}
			}
			if (element instanceof ServiceTask task) {
				serviceTask(task, problems);
			}
		}
	}

	/** A user task's form key names a form of {@code forms/}. */
	private void form(UserTask task, Problems problems) {
		String key = task.getFormKey();
		if (key != null && !key.isBlank() && this.forms.find(key).isEmpty()) {
			problems.add(task.getXmlRowNumber(), task.getId(), "flowable:formKey \"" + key + "\" names no form of "
					+ TaskForms.FOLDER + "/ (there are: " + String.join(", ", this.forms.keys()) + ")");
		}
	}

	private void listeners(BaseElement element, List<FlowableListener> listeners, Problems problems) {
		for (FlowableListener listener : listeners) {
			listener(element, listener, "execution listener", problems, ExecutionListener.class, JavaDelegate.class);
		}
	}

	private void listener(BaseElement element, FlowableListener listener, String kind, Problems problems,
			Class<?>... types) {
		String where = element.getId() + "." + kind.replace(" ", "_") + "(" + listener.getEvent() + ")";
		int line = (listener.getXmlRowNumber() > 0) ? listener.getXmlRowNumber() : element.getXmlRowNumber();
		if (!ImplementationType.IMPLEMENTATION_TYPE_DELEGATEEXPRESSION.equals(listener.getImplementationType())) {
			problems.add(line, where, "a " + kind + " must call a bean through flowable:delegateExpression, not "
					+ listener.getImplementationType());
			return;
		}
		bean(listener.getImplementation(), line, where, problems, types);
	}

	private void serviceTask(ServiceTask task, Problems problems) {
		if (task.getType() != null && !task.getType().isBlank()) {
			problems.add(task.getXmlRowNumber(), task.getId(),
					"a service task must call a bean through flowable:delegateExpression; flowable:type=\""
							+ task.getType() + "\" is not allowed");
		}
		else if (!ImplementationType.IMPLEMENTATION_TYPE_DELEGATEEXPRESSION.equals(task.getImplementationType())) {
			problems.add(task.getXmlRowNumber(), task.getId(),
					"a service task must call a bean through flowable:delegateExpression, not "
							+ task.getImplementationType());
		}
		else {
			bean(task.getImplementation(), task.getXmlRowNumber(), task.getId(), problems, JavaDelegate.class);
		}
	}

	private void bean(String expression, int line, String where, Problems problems, Class<?>... types) {
		Matcher reference = BEAN.matcher((expression != null) ? expression.trim() : "");
		String names = String.join(" or ", Stream.of(types).map(Class::getSimpleName).toList());
		if (!reference.matches()) {
			problems.add(line, where,
					"flowable:delegateExpression must name a " + names + " bean as ${beanName}, not " + expression);
			return;
		}
		String name = reference.group(1);
		if (!this.beans.containsBean(name)) {
			problems.add(line, where, "flowable:delegateExpression ${" + name + "} names no bean");
		}
		else if (Stream.of(types).noneMatch((type) -> this.beans.isTypeMatch(name, type))) {
			problems.add(line, where,
					"flowable:delegateExpression ${" + name + "} names a bean that is not a " + names);
		}
		else if (!PhaseflowDelegates.isOwn(this.beans.getBean(name))) {
			problems.add(line, where, "flowable:delegateExpression ${" + name
					+ "} names a bean that is not one of Phaseflow's delegates");
		}
	}

	/** The problems of one file. */
	static final class Problems {

		private final String file;

		private final List<ConfigProblem> found = new ArrayList<>();

		Problems(String file) {
			this.file = file;
		}

		void add(int line, String path, String message) {
			this.found.add(new ConfigProblem(this.file, Math.max(line, 0), (path != null) ? path : "", message));
		}

		List<ConfigProblem> found() {
			return List.copyOf(this.found);
		}

	}

}
