package io.phaseflow.flowable;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.ScriptTask;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.common.engine.impl.util.io.InputStreamSource;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.ValidationError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The BPMN files as a modeler sees them: schema-valid, valid for Flowable, with a shape
 * for every node and an edge for every flow, service tasks only as delegate expressions,
 * and unchanged in meaning by a parse-and-write round trip (what a modeler's save does).
 */
class ProcessFilesTest {

	@ParameterizedTest
	@ValueSource(strings = { "agent-task-session.bpmn20.xml", "session-phase.bpmn20.xml" })
	void aProcessFileIsCompleteValidAndSurvivesARoundTrip(String file) throws Exception {
		BpmnModel model = parse(Files.readAllBytes(Path.of("processes", file)));
		List<ValidationError> errors = new ProcessValidatorFactory().createDefaultProcessValidator().validate(model);
		assertThat(errors).filteredOn((error) -> !error.isWarning()).isEmpty();

		for (FlowElement element : model.getMainProcess().getFlowElements()) {
			if (element instanceof FlowNode) {
				assertThat(model.getGraphicInfo(element.getId())).as("shape of " + element.getId()).isNotNull();
			}
			if (element instanceof SequenceFlow) {
				assertThat(model.getFlowLocationGraphicInfo(element.getId())).as("edge of " + element.getId())
					.isNotEmpty();
			}
			assertThat(element).isNotInstanceOf(ScriptTask.class);
			if (element instanceof ServiceTask task) {
				assertThat(task.getImplementationType()).as(task.getId()).isEqualTo("delegateExpression");
				assertThat(task.isAsynchronous()).as(task.getId() + " runs in the caller's transaction").isFalse();
			}
		}

		BpmnModel saved = parse(new BpmnXMLConverter().convertToXML(model));
		assertThat(ids(saved)).isEqualTo(ids(model));
		for (FlowElement element : model.getMainProcess().getFlowElements()) {
			FlowElement again = saved.getMainProcess().getFlowElement(element.getId());
			if (element instanceof SequenceFlow flow) {
				SequenceFlow savedFlow = (SequenceFlow) again;
				assertThat(savedFlow.getConditionExpression()).isEqualTo(flow.getConditionExpression());
				assertThat(savedFlow.getSourceRef()).isEqualTo(flow.getSourceRef());
				assertThat(savedFlow.getTargetRef()).isEqualTo(flow.getTargetRef());
			}
			if (element instanceof ServiceTask task) {
				assertThat(((ServiceTask) again).getImplementation()).isEqualTo(task.getImplementation());
			}
		}
		assertThat(saved.getLocationMap().keySet()).isEqualTo(model.getLocationMap().keySet());
	}

	private static List<String> ids(BpmnModel model) {
		return model.getMainProcess().getFlowElements().stream().map(FlowElement::getId).sorted().toList();
	}

	private static BpmnModel parse(byte[] xml) throws Exception {
		try (InputStream in = new ByteArrayInputStream(xml)) {
			return new BpmnXMLConverter().convertToBpmnModel(new InputStreamSource(in), true, false,
					StandardCharsets.UTF_8.name());
		}
	}

}
