package io.phaseflow.workflow;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A start-up failure caused by {@code workflow.yaml} is reported as its problems, not as
 * a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class WorkflowConfigFailureAnalyzerTest {

	private static final String BROKEN = WorkflowYaml.lines("phases:", "  intake:", "    order: abc", "    goal: G",
			"    next_step: N");

	@Test
	void describesEveryProblem() {
		WorkflowConfigInvalid invalid = new WorkflowConfigInvalid(
				List.of(new ConfigProblem("workflow/workflow.yaml", 3, "phases.intake.order", "must be a whole number"),
						new ConfigProblem("workflow/workflow.yaml", 9, "phases.plan.goal", "is required")));
		FailureAnalysis analysis = new WorkflowConfigFailureAnalyzer()
			.analyze(new BeanCreationException("workflowDefinition", "failed", invalid));
		assertThat(analysis.getDescription()).contains(
				"workflow/workflow.yaml:3: phases.intake.order: must be a whole number",
				"workflow/workflow.yaml:9: phases.plan.goal: is required");
		assertThat(analysis.getAction()).contains("Fix workflow.yaml");
		assertThat(analysis.getCause()).isSameAs(invalid);
	}

	@Test
	void isRegisteredForStartUpFailures(CapturedOutput output) {
		SpringApplication application = new SpringApplication(BrokenWorkflow.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START", "Description:",
				"test/workflow.yaml:3: phases.intake.order: must be a whole number", "Action:", "Fix workflow.yaml");
	}

	@Configuration(proxyBeanMethods = false)
	static class BrokenWorkflow {

		@Bean
		WorkflowDefinition workflowDefinition() {
			return WorkflowYaml.load(BROKEN);
		}

	}

}
