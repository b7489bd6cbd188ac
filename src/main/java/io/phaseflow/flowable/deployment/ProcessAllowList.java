package io.phaseflow.flowable.deployment;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.phaseflow.flowable.FlowableWorkflowEngine;
import io.phaseflow.flowable.ProcessVariables;
import io.phaseflow.workflow.WorkflowEngine;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.CallActivity;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.EventDefinition;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.ScriptTask;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.TimerEventDefinition;
import org.flowable.bpmn.model.UserTask;
import org.flowable.common.engine.impl.de.odysseus.el.tree.Node;
import org.flowable.common.engine.impl.de.odysseus.el.tree.TreeBuilderException;
import org.flowable.common.engine.impl.de.odysseus.el.tree.impl.Builder;
import org.flowable.common.engine.impl.de.odysseus.el.tree.impl.ast.AstBinary;
import org.flowable.common.engine.impl.de.odysseus.el.tree.impl.ast.AstComposite;
import org.flowable.common.engine.impl.de.odysseus.el.tree.impl.ast.AstEval;
import org.flowable.common.engine.impl.de.odysseus.el.tree.impl.ast.AstFunction;
import org.flowable.common.engine.impl.de.odysseus.el.tree.impl.ast.AstIdentifier;
import org.flowable.common.engine.impl.de.odysseus.el.tree.impl.ast.AstMethod;
import org.flowable.common.engine.impl.de.odysseus.el.tree.impl.ast.AstNested;
import org.flowable.common.engine.impl.de.odysseus.el.tree.impl.ast.AstProperty;
import org.flowable.common.engine.impl.de.odysseus.el.tree.impl.ast.AstString;
import org.flowable.common.engine.impl.de.odysseus.el.tree.impl.ast.AstText;

/**
 * What a deployed process may contain, beyond Flowable's own rules: only Phaseflow's two
 * processes, built from the elements they use; timers only as the stale timer
 * ({@code ${staleAfter}}); call activities calling the phase process; and, wherever an
 * expression can stand, only a plain reference to a variable Phaseflow sets or its
 * comparison with a text. Expressions are read with the engine's own expression parser,
 * so what is checked is what would run. Document type declarations are refused before any
 * XML parser reads the file, so no entity is ever resolved.
 */
final class ProcessAllowList {

	static final Set<String> PROCESSES = Set.of(WorkflowEngine.SESSION_PROCESS, FlowableWorkflowEngine.PHASE_PROCESS);

	static final Set<String> VARIABLES = ProcessVariables.ALL;

	static final String STALE_TIMER = "${" + ProcessVariables.STALE_AFTER + "}";

	static final String WORK_TASK = "workOnPhase";

	private static final Pattern DECLARATION = Pattern.compile("<!\\s*(DOCTYPE|ENTITY)", Pattern.CASE_INSENSITIVE);

	private static final Pattern ENCODING = Pattern.compile("\\A\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([^\"']*)[\"']");

	private static final String ALLOWED = "only a plain reference to a variable Phaseflow sets ("
			+ String.join(", ", VARIABLES.stream().sorted().toList()) + ") or its comparison with a text, as in ${"
			+ ProcessVariables.QA_STATUS + " == 'qa_failed'}, is allowed";

	/** Element types the shipped processes are made of; nothing else runs. */
	private static final List<Class<? extends FlowElement>> ELEMENTS = List.of(StartEvent.class, EndEvent.class,
			SequenceFlow.class, ExclusiveGateway.class, UserTask.class, ServiceTask.class, CallActivity.class,
			BoundaryEvent.class);

	private ProcessAllowList() {
	}

	/**
	 * Document type and entity declarations, found in the raw text before any parser sees
	 * it, and any encoding but UTF-8 (the engine would read another encoding differently
	 * from these checks).
	 * @return whether the file has one (each is reported)
	 */
	static boolean declarations(byte[] content, BpmnInspector.Problems problems) {
		String text = new String(content, StandardCharsets.UTF_8);
		Matcher encoding = ENCODING.matcher(text);
		boolean found = false;
		if (encoding.find() && !encoding.group(1).equalsIgnoreCase("UTF-8")) {
			found = true;
			problems.add(1, "encoding", "a process file must be UTF-8, not " + encoding.group(1));
		}
		else if (text.indexOf('\0') >= 0) {
			found = true;
			problems.add(1, "encoding", "a process file must be UTF-8");
		}
		Matcher declaration = DECLARATION.matcher(text);
		while (declaration.find()) {
			found = true;
			problems.add(lineAt(text, declaration.start()), declaration.group(1).toUpperCase(),
					"<!" + declaration.group(1).toUpperCase()
							+ "> declarations are not allowed: a process file is plain BPMN 2.0 XML");
		}
		return found;
	}

	/** The processes of a parsed model and what they are made of. */
	static void model(List<Process> processes, BpmnInspector.Problems problems) {
		for (Process process : processes) {
			if (!PROCESSES.contains(process.getId())) {
				problems.add(process.getXmlRowNumber(), process.getId(),
						"process " + process.getId() + " is not one Phaseflow runs (only "
								+ String.join(" and ", PROCESSES.stream().sorted().toList()) + ")");
				continue;
			}
			if (!process.getEventListeners().isEmpty()) {
				problems.add(process.getXmlRowNumber(), process.getId(),
						"flowable:eventListener is not allowed; service tasks call Phaseflow's delegates");
			}
			process.findFlowElementsOfType(FlowElement.class, true).forEach((element) -> element(element, problems));
			if (FlowableWorkflowEngine.PHASE_PROCESS.equals(process.getId()) && !hasStaleTimer(process)) {
				problems.add(process.getXmlRowNumber(), process.getId(), "the stale timer is missing: a boundary "
						+ "timer on " + WORK_TASK + " with <timeDuration>" + STALE_TIMER + "</timeDuration>");
			}
			else if (FlowableWorkflowEngine.PHASE_PROCESS.equals(process.getId())) {
				PhaseMechanics.check(process, problems);
			}
		}
	}

	private static void element(FlowElement element, BpmnInspector.Problems problems) {
		int line = element.getXmlRowNumber();
		if (element instanceof ScriptTask) {
			return; // refused by NoScriptTasks
		}
		if (ELEMENTS.stream().noneMatch((type) -> type == element.getClass())) {
			problems.add(line, element.getId(),
					"a " + element.getClass().getSimpleName() + " is not among the elements Phaseflow runs");
			return;
		}
		if (element instanceof StartEvent start && !start.getEventDefinitions().isEmpty()) {
			problems.add(line, element.getId(), "a start event with a " + kind(start.getEventDefinitions().get(0))
					+ " would start the process by itself; only a plain start event is allowed");
		}
		if (element instanceof EndEvent end && !end.getEventDefinitions().isEmpty()) {
			problems.add(line, element.getId(), "an end event with a " + kind(end.getEventDefinitions().get(0))
					+ " is not allowed; only a plain end event is");
		}
		if (element instanceof CallActivity call
				&& !FlowableWorkflowEngine.PHASE_PROCESS.equals(String.valueOf(call.getCalledElement()).trim())) {
			problems.add(line, element.getId(), "a call activity must call " + FlowableWorkflowEngine.PHASE_PROCESS
					+ ", not " + call.getCalledElement());
		}
		if (element instanceof BoundaryEvent boundary) {
			boundary(boundary, problems);
		}
		if (element instanceof Activity activity && activity.getLoopCharacteristics() != null) {
			problems.add(line, element.getId(), "a multi-instance " + element.getClass().getSimpleName()
					+ " runs many instances at once; Phaseflow runs each step once");
		}
		if (element instanceof SequenceFlow flow && flow.getConditionLanguage() != null) {
			problems.add(line, element.getId(), "a condition in language \"" + flow.getConditionLanguage()
					+ "\" is a script; write it as an expression without a language attribute");
		}
	}

	private static void boundary(BoundaryEvent boundary, BpmnInspector.Problems problems) {
		List<EventDefinition> definitions = boundary.getEventDefinitions();
		if (definitions.size() != 1 || !(definitions.get(0) instanceof TimerEventDefinition timer)) {
			problems.add(boundary.getXmlRowNumber(), boundary.getId(), "a boundary event must be the stale timer ("
					+ STALE_TIMER + "), not a " + (definitions.isEmpty() ? "plain event" : kind(definitions.get(0))));
			return;
		}
		if (!STALE_TIMER.equals(trimmed(timer.getTimeDuration())) || timer.getTimeDate() != null
				|| timer.getTimeCycle() != null || timer.getEndDate() != null) {
			problems.add(boundary.getXmlRowNumber(), boundary.getId(), "a timer must be the stale timer, <timeDuration>"
					+ STALE_TIMER + "</timeDuration> (workflow.yaml's stale_after), not " + describe(timer));
		}
	}

	private static boolean hasStaleTimer(Process process) {
		return process.findFlowElementsOfType(BoundaryEvent.class, false)
			.stream()
			.anyMatch((boundary) -> boundary.getAttachedToRef() instanceof UserTask task
					&& WORK_TASK.equals(task.getId()) && boundary.getEventDefinitions().size() == 1
					&& boundary.getEventDefinitions().get(0) instanceof TimerEventDefinition timer
					&& STALE_TIMER.equals(trimmed(timer.getTimeDuration())));
	}

	private static String describe(TimerEventDefinition timer) {
		if (timer.getTimeDate() != null) {
			return "timeDate " + timer.getTimeDate();
		}
		if (timer.getTimeCycle() != null) {
			return "timeCycle " + timer.getTimeCycle();
		}
		return "timeDuration " + timer.getTimeDuration();
	}

	private static String kind(EventDefinition definition) {
		return definition.getClass().getSimpleName().replace("EventDefinition", " definition").toLowerCase();
	}

	/**
	 * Every expression in an attribute or a text of the file ({@code ${…}} or
	 * {@code #{…}}), with the line and id of the element it stands in. Delegate
	 * expressions are checked as bean names by the inspector.
	 */
	static void expressions(byte[] content, BpmnInspector.Problems problems) {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		Deque<Element> open = new ArrayDeque<>();
		// an element's text is checked whole: a comment or processing instruction inside
		// it
		// splits the text here, but not for Flowable, which reads "$<!-- -->{" as "${"
		StringBuilder text = new StringBuilder();
		try {
			XMLStreamReader reader = factory
				.createXMLStreamReader(new StringReader(new String(content, StandardCharsets.UTF_8)));
			while (reader.hasNext()) {
				int event = reader.next();
				if ((event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT)
						&& !open.isEmpty()) {
					expression(text.toString(), open.peek(), problems);
					text.setLength(0);
				}
				if (event == XMLStreamConstants.START_ELEMENT) {
					String id = reader.getAttributeValue(null, "id");
					Element element = new Element(reader.getLocalName(), reader.getLocation().getLineNumber(),
							(id != null) ? id : (open.isEmpty() ? "" : open.peek().id()));
					open.push(element);
					for (int i = 0; i < reader.getAttributeCount(); i++) {
						if (!"delegateExpression".equals(reader.getAttributeLocalName(i))) {
							expression(reader.getAttributeValue(i), element, problems);
						}
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					open.pop();
				}
				else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
						&& !open.isEmpty()) {
					text.append(reader.getText());
				}
			}
		}
		catch (XMLStreamException ex) {
			// what cannot be read here cannot be checked, so it is not deployed
			problems.add((ex.getLocation() != null) ? ex.getLocation().getLineNumber() : 0, "",
					"the file cannot be read as XML: " + ex.getMessage());
		}
	}

	private static void expression(String text, Element element, BpmnInspector.Problems problems) {
		if (text == null || !(text.contains("${") || text.contains("#{"))) {
			return;
		}
		String shown = (text.length() > 200) ? text.substring(0, 200) + "…" : text.trim();
		String where = element.id().isEmpty() ? element.name() : element.id();
		try {
			String offence = offence(new Builder(Builder.Feature.METHOD_INVOCATIONS).build(text).getRoot());
			if (offence != null) {
				problems.add(element.line(), where,
						"the expression " + shown + " in <" + element.name() + "> " + offence + "; " + ALLOWED);
			}
		}
		catch (TreeBuilderException ex) {
			problems.add(element.line(), where,
					"the expression " + shown + " in <" + element.name() + "> does not parse; " + ALLOWED);
		}
	}

	/** Why an expression is not allowed, or null when it is. */
	private static String offence(Node root) {
		if (root instanceof AstText) {
			return null;
		}
		if (root instanceof AstEval eval) {
			return allowed(eval.getChild(0)) ? null : reason(eval.getChild(0));
		}
		if (root instanceof AstComposite) {
			for (int i = 0; i < root.getCardinality(); i++) {
				String offence = offence(root.getChild(i));
				if (offence != null) {
					return offence;
				}
			}
			return null;
		}
		return reason(root);
	}

	private static boolean allowed(Node node) {
		if (node instanceof AstNested nested) {
			return allowed(nested.getChild(0));
		}
		if (node instanceof AstIdentifier identifier) {
			return VARIABLES.contains(identifier.getName());
		}
		if (node instanceof AstBinary binary
				&& (binary.getOperator() == AstBinary.EQ || binary.getOperator() == AstBinary.NE)) {
			Node left = binary.getChild(0);
			Node right = binary.getChild(1);
			return (allowed(left) && right instanceof AstString) || (left instanceof AstString && allowed(right));
		}
		return false;
	}

	private static String reason(Node node) {
		if (contains(node, AstMethod.class)) {
			return "calls a method";
		}
		if (contains(node, AstFunction.class)) {
			return "calls a function";
		}
		if (contains(node, AstProperty.class)) {
			return "reads a property of an object";
		}
		if (node instanceof AstIdentifier identifier) {
			return "names " + identifier.getName() + ", which is not a variable Phaseflow sets";
		}
		return "is not a plain variable reference or comparison";
	}

	private static boolean contains(Node node, Class<? extends Node> type) {
		if (type.isInstance(node)) {
			return true;
		}
		for (int i = 0; i < node.getCardinality(); i++) {
			if (node.getChild(i) != null && contains(node.getChild(i), type)) {
				return true;
			}
		}
		return false;
	}

	private static String trimmed(String text) {
		return (text != null) ? text.trim() : null;
	}

	private static int lineAt(String text, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	private record Element(String name, int line, String id) {
	}

}
