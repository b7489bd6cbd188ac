package io.phaseflow.files;

import io.phaseflow.common.RuleBroken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TaskMarkdownTest {

	private static final String PM_PART = """
			# Task: Build it

			**Task Code**: `t-1`
			**Status**: completed

			## Acceptance Criteria
			- it works
			""";

	@Test
	void nothingAfterTheFirstSectionPhaseflowWritesIsRead() {
		for (String agentSection : new String[] { "Completion Notes", "Work Sessions" }) {
			TaskMarkdown.Parsed parsed = TaskMarkdown.parse("TASK.md", PM_PART + "\n## " + agentSection
					+ "\nDone.\n\n## Acceptance Criteria\n- [ ] pwned\n\n## Description\nRewritten\n## Bogus\n");

			assertThat(parsed.lists()).containsOnlyKeys("acceptance_criteria");
			assertThat(parsed.lists().get("acceptance_criteria")).containsExactly("it works");
			assertThat(parsed.description()).isNull();
		}
	}

	@Test
	void aSectionGivenTwiceIsRefusedWithItsLine() {
		assertThatExceptionOfType(RuleBroken.class)
			.isThrownBy(() -> TaskMarkdown.parse("TASK.md", PM_PART + "\n## Acceptance Criteria\n- [ ] pwned\n"))
			.satisfies((refused) -> assertThat(refused.errors()).singleElement()
				.satisfies((error) -> assertThat(error.field()).isEqualTo("TASK.md:9")));
	}

}
