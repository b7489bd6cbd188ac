package io.phaseflow.session.phase;

import java.time.Duration;
import java.util.List;

import io.phaseflow.common.FieldError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an "Approve override" task says: which task, phase and checks in its name, the
 * whole request in its description, both within what a task list keeps.
 */
class OverrideTaskTest {

	private static final FieldError PLAN = new FieldError("artifacts.PLAN.md", "is required in the plan phase");

	private static final FieldError CRITERIA = new FieldError("task.metadata.acceptance_criteria",
			"is required in the plan phase; the PM fills it in");

	@Test
	void theNameSaysWhichTaskPhaseAndChecks() {
		assertThat(task(List.of(PLAN), "agreed").name()).isEqualTo("Override plan of t-101: PLAN.md missing");
		assertThat(task(List.of(PLAN, CRITERIA), "agreed").name())
			.isEqualTo("Override plan of t-101: PLAN.md, metadata.acceptance_criteria missing");
		assertThat(task(List.of(), "agreed").name()).isEqualTo("Override plan of t-101");
	}

	@Test
	void theDescriptionCarriesTheWholeRequest() {
		assertThat(task(List.of(PLAN, CRITERIA), "agreed with the PM").description())
			.isEqualTo("Agent 7 asks to leave the plan phase of t-101 (Add login) although its check failed: "
					+ "PLAN.md is required in the plan phase; metadata.acceptance_criteria is required in the plan "
					+ "phase; the PM fills it in. Reason: agreed with the PM. Approve to leave the phase all the same, "
					+ "or reject to send it back to the agent.");
		assertThat(task(List.of(PLAN), null).description()).contains("Reason: none given.");
	}

	@Test
	void nameAndDescriptionFitWhatATaskListKeeps() {
		FieldError longCheck = new FieldError("artifacts." + "N".repeat(300) + ".md", "is required");
		assertThat(task(List.of(longCheck), "x").name()).hasSize(OverrideTask.MAX_NAME).endsWith("…");
		assertThat(task(List.of(PLAN), "r".repeat(5000)).description()).hasSize(OverrideTask.MAX_DESCRIPTION)
			.endsWith("…");
	}

	private static OverrideTask task(List<FieldError> failed, String reason) {
		return new OverrideTask("t-101", "Add login", "plan", reason, failed, 7L, Duration.ofHours(4), 60);
	}

}
