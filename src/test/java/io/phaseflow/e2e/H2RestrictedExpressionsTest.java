package io.phaseflow.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.flowable.common.engine.api.variable.VariableContainer;
import org.flowable.common.engine.impl.el.ExpressionManager;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine itself runs no code an expression asks for: a process deployed around
 * Phaseflow's deployment check (straight through the engine's repository, as a careless
 * extension could) still cannot call a method, read an object's property or reach a bean
 * other than Phaseflow's delegates.
 */
class H2RestrictedExpressionsTest extends ApiTestSupport {

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	private String deploymentId;

	@AfterEach
	void removeTheProcess() {
		if (this.deploymentId != null) {
			this.repository.deleteDeployment(this.deploymentId, true);
		}
	}

	@Test
	void anExpressionCallingRuntimeExecRunsNothing() throws IOException {
		Path marker = Files.createTempDirectory("phaseflow-exploit").resolve("marker");
		String exec = "''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)"
				+ ".exec('touch " + marker + "')";
		assertRefused("exploitByMethod", "${" + exec + "}", "may not call methods");
		assertRefused("exploitByProperty",
				"${''.class.forName('java.lang.Runtime').getRuntime().exec('touch " + marker + "')}",
				"Unknown property used in expression");
		assertRefused("exploitByBean", "${dataSource.connection}", "Unknown property used in expression");
		assertThat(marker).as("no command ran").doesNotExist();
	}

	@Test
	void onlyPhaseflowsDelegatesAreReachableByName(@Autowired SpringProcessEngineConfiguration engine) {
		ExpressionManager expressions = engine.getExpressionManager();
		assertThat(expressions.createExpression("${startIterationDelegate}").getValue(VariableContainer.empty()))
			.isInstanceOf(JavaDelegate.class);
		assertThatThrownBy(() -> expressions.createExpression("${dataSource}").getValue(VariableContainer.empty()))
			.hasMessageContaining("Unknown property used in expression");
		assertThatThrownBy(() -> expressions.createExpression("${workflows}").getValue(VariableContainer.empty()))
			.hasMessageContaining("Unknown property used in expression");
	}

	private void assertRefused(String key, String expression, String reason) {
		deploy(key, "flowable:expression=\"" + expression + "\"");
		assertThatThrownBy(() -> this.runtime.startProcessInstanceByKey(key)).hasStackTraceContaining(reason);
		this.repository.deleteDeployment(this.deploymentId, true);
		this.deploymentId = null;
	}

	private void deploy(String key, String serviceTaskAttribute) {
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
				             xmlns:flowable="http://flowable.org/bpmn" targetNamespace="https://phaseflow.io/test">
				  <process id="%s" isExecutable="true">
				    <startEvent id="start"/>
				    <sequenceFlow id="f1" sourceRef="start" targetRef="run"/>
				    <serviceTask id="run" %s/>
				    <sequenceFlow id="f2" sourceRef="run" targetRef="end"/>
				    <endEvent id="end"/>
				  </process>
				</definitions>
				""".formatted(key, serviceTaskAttribute);
		this.deploymentId = this.repository.createDeployment().addString(key + ".bpmn20.xml", xml).deploy().getId();
	}

}
