package io.phaseflow.flowable.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.phaseflow.flowable.FlowableWorkflowEngine;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.Event;
import org.flowable.bpmn.model.EventDefinition;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.FlowableListener;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.TimerEventDefinition;
import org.flowable.bpmn.model.UserTask;
import org.flowable.common.engine.impl.util.io.InputStreamSource;

import org.springframework.core.io.ClassPathResource;

/**
 * The phase process ({@code sessionPhase}) is the mechanics every phase runs: enter,
 * work, check, the override paths with the reviewer's task, leave. A designer chooses the
 * phases in the session process; the mechanics stay as Phaseflow ships them, so that no
 * deployment routes around the reviewer or the agent. Names, documentation and the
 * diagram may change; the elements, their wiring and what they run may not.
 */
final class PhaseMechanics {

	private static final String SHIPPED = "processes/session-phase.bpmn20.xml";

	private static final Map<String, String> MECHANICS = shapes(shipped());

	private PhaseMechanics() {
	}

	/** Each way the process differs from the shipped mechanics, named by element. */
	static void check(Process process, BpmnInspector.Problems problems) {
		Map<String, String> deployed = shapes(process);
		MECHANICS.forEach((id, shape) -> {
			String found = deployed.get(id);
			if (found == null) {
				problems.add(process.getXmlRowNumber(), id, "is missing: " + FlowableWorkflowEngine.PHASE_PROCESS
						+ " runs every phase as Phaseflow ships it (" + shape + ")");
			}
			else if (!found.equals(shape)) {
				problems.add(line(process, id), id,
						"differs from " + FlowableWorkflowEngine.PHASE_PROCESS + " as Phaseflow ships it: " + found
								+ " instead of " + shape + "; only names, documentation and the diagram may change");
			}
		});
		deployed.keySet()
			.stream()
			.filter((id) -> !MECHANICS.containsKey(id))
			.forEach((id) -> problems.add(line(process, id), id, "is not part of "
					+ FlowableWorkflowEngine.PHASE_PROCESS + " as Phaseflow ships it: its elements stay as they are"));
	}

	private static int line(Process process, String id) {
		FlowElement element = process.getFlowElement(id, true);
		return (element != null) ? element.getXmlRowNumber() : process.getXmlRowNumber();
	}

	/** What each element is and does, by id, without names, documentation or layout. */
	static Map<String, String> shapes(Process process) {
		Map<String, String> shapes = new TreeMap<>();
		for (FlowElement element : process.findFlowElementsOfType(FlowElement.class, true)) {
			shapes.put(element.getId(), shape(element));
		}
		return shapes;
	}

	private static String shape(FlowElement element) {
		List<String> parts = new ArrayList<>();
		parts.add(element.getClass().getSimpleName());
		listeners(parts, "listeners", element.getExecutionListeners());
		if (element instanceof FlowNode node && (node.isAsynchronous() || node.isNotExclusive())) {
			parts.add("async");
		}
		if (element instanceof Activity activity) {
			add(parts, "default", activity.getDefaultFlow());
		}
		if (element instanceof SequenceFlow flow) {
			parts.add(flow.getSourceRef() + " -> " + flow.getTargetRef());
			add(parts, "condition", flow.getConditionExpression());
			add(parts, "skip", flow.getSkipExpression());
		}
		else if (element instanceof UserTask task) {
			add(parts, "skip", task.getSkipExpression());
			add(parts, "assignee", task.getAssignee());
			add(parts, "owner", task.getOwner());
			add(parts, "candidateUsers", String.join(",", task.getCandidateUsers()));
			add(parts, "candidateGroups", String.join(",", task.getCandidateGroups()));
			add(parts, "formKey", task.getFormKey());
			add(parts, "dueDate", task.getDueDate());
			add(parts, "priority", task.getPriority());
			add(parts, "category", task.getCategory());
			listeners(parts, "taskListeners", task.getTaskListeners());
		}
		else if (element instanceof ServiceTask task) {
			add(parts, "skip", task.getSkipExpression());
			add(parts, task.getImplementationType(), task.getImplementation());
			add(parts, "type", task.getType());
		}
		else if (element instanceof ExclusiveGateway gateway) {
			add(parts, "default", gateway.getDefaultFlow());
		}
		if (element instanceof BoundaryEvent boundary) {
			parts.add("on " + boundary.getAttachedToRefId() + (boundary.isCancelActivity() ? "" : ", not cancelling"));
		}
		if (element instanceof Event event) {
			for (EventDefinition definition : event.getEventDefinitions()) {
				parts.add((definition instanceof TimerEventDefinition timer)
						? "timer " + timer.getTimeDuration() + "|" + timer.getTimeDate() + "|" + timer.getTimeCycle()
						: definition.getClass().getSimpleName());
			}
		}
		return String.join(", ", parts);
	}

	private static void add(List<String> parts, String what, String value) {
		if (value != null && !value.isBlank()) {
			parts.add(what + " " + value.strip());
		}
	}

	private static void listeners(List<String> parts, String what, List<FlowableListener> listeners) {
		if (listeners != null && !listeners.isEmpty()) {
			parts.add(what + " "
					+ listeners.stream()
						.map((listener) -> listener.getEvent() + ":" + listener.getImplementation())
						.toList());
		}
	}

	private static Process shipped() {
		try (InputStream in = new ClassPathResource(SHIPPED).getInputStream()) {
			return Objects.requireNonNull(
					new BpmnXMLConverter().convertToBpmnModel(new InputStreamSource(in), false, false, "UTF-8")
						.getProcessById(FlowableWorkflowEngine.PHASE_PROCESS),
					SHIPPED);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Phaseflow's " + SHIPPED + " cannot be read", ex);
		}
	}

}
