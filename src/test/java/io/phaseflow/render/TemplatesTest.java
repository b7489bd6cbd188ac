package io.phaseflow.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.phaseflow.home.PhaseflowHome;
import io.phaseflow.home.PhaseflowProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Templates render data as text and cannot reach Java; a working-copy template wins over
 * the packaged one.
 */
class TemplatesTest {

	@TempDir
	Path home;

	private Templates templates() {
		return new Templates(new PhaseflowHome(new PhaseflowProperties(this.home, this.home)));
	}

	private void write(String name, String content) throws Exception {
		Path file = this.home.resolve("templates").resolve(name);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

	@Test
	void dataIsNeverEvaluatedAsATemplate() throws Exception {
		write("title.ftl", "# ${title}");
		assertThat(templates().render("title.ftl", Map.of("title", "${7*7} <#assign x=1>")))
			.isEqualTo("# ${7*7} <#assign x=1>");
	}

	@Test
	void templatesCannotInstantiateClassesOrUseTheApi() throws Exception {
		write("new.ftl", "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}");
		write("api.ftl", "${list?api.getClass().getName()}");
		assertThatThrownBy(() -> templates().render("new.ftl", Map.of())).isInstanceOf(Templates.TemplateFailed.class);
		assertThatThrownBy(() -> templates().render("api.ftl", Map.of("list", List.of("a"))))
			.isInstanceOf(Templates.TemplateFailed.class);
	}

	@Test
	void aWorkingCopyTemplateWinsAndTheJarsIsTheFallback() throws Exception {
		Map<String, Object> data = Map.of("phase",
				Map.of("id", "research", "goal", "Gather context", "required_artifacts", List.of("CONTEXT.md")),
				"next_actions", List.of("Search the codebase"));
		String packaged = templates().render("instructions/phase-banner.ftl", data);
		assertThat(packaged).contains("PHASE: Research", "Goal: Gather context", "• CONTEXT.md",
				"1. Search the codebase", "When ready: phaseflow phase complete");
		write("instructions/phase-banner.ftl", "custom ${phase.id}");
		assertThat(templates().render("instructions/phase-banner.ftl", data)).isEqualTo("custom research");
	}

	@Test
	void aMissingValueStopsRenderingInsteadOfPrintingAnError() throws Exception {
		write("missing.ftl", "${nothing}");
		assertThatThrownBy(() -> templates().render("missing.ftl", Map.of()))
			.isInstanceOf(Templates.TemplateFailed.class)
			.hasMessageContaining("templates/missing.ftl");
	}

}
