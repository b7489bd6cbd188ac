package io.phaseflow.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.phaseflow.home.PhaseflowHome;
import io.phaseflow.home.PhaseflowProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Loading the {@link WorkflowDefinition} bean at start: working copy first, then the
 * packaged file; a missing or invalid file stops start-up.
 */
class WorkflowConfigurationTest {

	@TempDir
	Path home;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withUserConfiguration(WorkflowConfiguration.class)
			.withBean(PhaseflowHome.class, () -> new PhaseflowHome(new PhaseflowProperties(this.home, this.home)));
	}

	@Test
	void usesThePackagedFileWhenTheWorkingCopyHasNone() {
		runner().run((context) -> assertThat(context.getBean(WorkflowDefinition.class).phaseIds())
			.containsExactly("intake", "research", "plan", "execute", "review", "close"));
	}

	@Test
	void theWorkingCopyTakesPrecedence() throws IOException {
		writeWorkingCopy(WorkflowYaml.lines("phases:", "  solo:", "    order: 1", "    goal: G", "    next_step: N"));
		runner()
			.run((context) -> assertThat(context.getBean(WorkflowDefinition.class).phaseIds()).containsExactly("solo"));
	}

	@Test
	void anInvalidFileStopsStartUpNamingFileLineAndField() throws IOException {
		Path file = writeWorkingCopy(
				WorkflowYaml.lines("phases:", "  solo:", "    order: first", "    goal: G", "    next_step: N"));
		runner().run((context) -> assertThat(context).getFailure()
			.rootCause()
			.isInstanceOf(WorkflowConfigInvalid.class)
			.hasMessage(file.toAbsolutePath() + ":3: phases.solo.order: must be a whole number"));
	}

	@Test
	void aMissingFileStopsStartUp() {
		PhaseflowHome nowhere = mock(PhaseflowHome.class);
		given(nowhere.file("workflow", "workflow.yaml")).willReturn(Optional.empty());
		given(nowhere.localPath("workflow", "workflow.yaml"))
			.willReturn(Path.of("/srv/phaseflow/workflow/workflow.yaml"));
		new ApplicationContextRunner().withUserConfiguration(WorkflowConfiguration.class)
			.withBean(PhaseflowHome.class, () -> nowhere)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(WorkflowConfigInvalid.class)
				.hasMessage("workflow/workflow.yaml: not found, neither in the working copy "
						+ "(/srv/phaseflow/workflow/workflow.yaml) nor in the application"));
	}

	@Test
	void labelsFilesRelativeToTheWorkingDirectory() {
		Path inside = Path.of("workflow", "workflow.yaml").toAbsolutePath();
		assertThat(WorkflowConfigLoader.label(new FileSystemResource(inside))).isEqualTo("workflow/workflow.yaml");
		Path outside = this.home.resolve("workflow.yaml").toAbsolutePath();
		assertThat(WorkflowConfigLoader.label(new FileSystemResource(outside))).isEqualTo(outside.toString());
		assertThat(WorkflowConfigLoader.label(new ClassPathResource("workflow/workflow.yaml")))
			.isEqualTo("workflow/workflow.yaml");
	}

	private Path writeWorkingCopy(String yaml) throws IOException {
		Path file = this.home.resolve("workflow").resolve("workflow.yaml");
		Files.createDirectories(file.getParent());
		return Files.writeString(file, yaml);
	}

}
