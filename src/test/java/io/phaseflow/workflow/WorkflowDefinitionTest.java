package io.phaseflow.workflow;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Looking phases up in a {@link WorkflowDefinition}.
 */
class WorkflowDefinitionTest {

	private final WorkflowDefinition workflow = new WorkflowDefinition(Settings.DEFAULTS,
			List.of(phase("plan", 3), phase("intake", 1), phase("research", 2)));

	private static PhaseConfig phase(String id, int order) {
		return new PhaseConfig(id, order, "goal", "", Artifacts.NONE, Validation.NONE, OverridePolicy.NOT_ALLOWED,
				List.of(), "next", false);
	}

	@Test
	void phasesAreSortedByOrder() {
		assertThat(this.workflow.phaseIds()).containsExactly("intake", "research", "plan");
		assertThat(this.workflow.firstPhase().id()).isEqualTo("intake");
	}

	@Test
	void findsAPhaseById() {
		assertThat(this.workflow.phase("research")).map(PhaseConfig::order).contains(2);
		assertThat(this.workflow.phase("review")).isEmpty();
	}

	@Test
	void findsThePhaseAfterAnother() {
		assertThat(this.workflow.phaseAfter("intake")).map(PhaseConfig::id).contains("research");
		assertThat(this.workflow.phaseAfter("research")).map(PhaseConfig::id).contains("plan");
		assertThat(this.workflow.phaseAfter("plan")).isEmpty();
	}

	@Test
	void thePhaseAfterAnUnknownPhaseIsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.workflow.phaseAfter("review"))
			.withMessageContaining("review");
	}

	@Test
	void aWorkflowNeedsAPhase() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WorkflowDefinition(Settings.DEFAULTS, List.of()));
	}

}
