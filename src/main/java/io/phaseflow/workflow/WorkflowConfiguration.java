package io.phaseflow.workflow;

import java.util.List;

import io.phaseflow.home.PhaseflowHome;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads {@code workflow/workflow.yaml} at start (the working copy first, then the copy
 * packaged in the application). A missing or invalid file stops start-up.
 */
@Configuration(proxyBeanMethods = false)
public class WorkflowConfiguration {

	public static final String FOLDER = "workflow";

	public static final String FILE = "workflow.yaml";

	@Bean
	WorkflowConfigLoader workflowConfigLoader() {
		return new WorkflowConfigLoader();
	}

	@Bean
	WorkflowDefinition workflowDefinition(PhaseflowHome home, WorkflowConfigLoader loader) {
		return home.file(FOLDER, FILE)
			.map(loader::load)
			.orElseThrow(() -> new WorkflowConfigInvalid(List.of(new ConfigProblem(WorkflowConfigLoader.DEFAULT_LABEL,
					0, "", "not found, neither in the working copy (" + home.localPath(FOLDER, FILE)
							+ ") nor in the application"))));
	}

}
