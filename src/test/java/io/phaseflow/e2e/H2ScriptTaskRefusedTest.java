package io.phaseflow.e2e;

import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.RepositoryService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine refuses to deploy a process with a script task.
 */
class H2ScriptTaskRefusedTest extends ApiTestSupport {

	static final String WITH_SCRIPT = """
			<?xml version="1.0" encoding="UTF-8"?>
			<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="https://phaseflow.io/test">
			  <process id="sneaky" isExecutable="true">
			    <startEvent id="start"/>
			    <sequenceFlow id="f1" sourceRef="start" targetRef="run"/>
			    <scriptTask id="run" scriptFormat="groovy"><script>System.exit(1)</script></scriptTask>
			    <sequenceFlow id="f2" sourceRef="run" targetRef="end"/>
			    <endEvent id="end"/>
			  </process>
			</definitions>
			""";

	@Autowired
	RepositoryService repository;

	@Test
	void aProcessWithAScriptTaskIsNotDeployed() {
		assertThatThrownBy(
				() -> this.repository.createDeployment().addString("sneaky.bpmn20.xml", WITH_SCRIPT).deploy())
			.isInstanceOf(FlowableException.class)
			.hasMessageContaining("Script tasks are not allowed");
		assertThat(this.repository.createProcessDefinitionQuery().processDefinitionKey("sneaky").count()).isZero();
	}

}
