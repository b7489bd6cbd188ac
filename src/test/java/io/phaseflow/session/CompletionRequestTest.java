package io.phaseflow.session;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.phaseflow.common.RuleBroken;
import io.phaseflow.session.phase.PhaseCompletion;
import io.phaseflow.workflow.SessionNotWaiting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a phase completion request must meet before its process sees it.
 */
class CompletionRequestTest {

	@Test
	void aRunningSessionCompletesItsCurrentPhase() {
		assertThatNoException().isThrownBy(() -> require(session("plan", SessionStatus.RUNNING),
				new PhaseCompletion(null, null, null, "plan"), false));
		assertThatNoException().isThrownBy(() -> require(session("plan", SessionStatus.RUNNING),
				new PhaseCompletion(null, null, null, null), false));
	}

	@Test
	void aSessionThatIsNotRunningCompletesNothing() {
		for (SessionStatus status : new SessionStatus[] { SessionStatus.PAUSED, SessionStatus.AWAITING_OVERRIDE,
				SessionStatus.COMPLETED }) {
			assertThatThrownBy(
					() -> require(session("plan", status), new PhaseCompletion(null, null, null, null), false))
				.as(status.value())
				.isInstanceOf(SessionNotWaiting.class)
				.hasMessage("The session is " + status.value());
		}
	}

	@Test
	void theCallerMustBeInTheSessionsPhase() {
		assertThatThrownBy(() -> require(session("plan", SessionStatus.RUNNING),
				new PhaseCompletion(null, null, null, "research"), false))
			.isInstanceOf(SessionNotWaiting.class)
			.hasMessage("The session is in phase plan, not research");
	}

	@Test
	void anOverrideNeedsAReason() {
		for (String reason : new String[] { null, " " }) {
			assertThatThrownBy(() -> require(session("plan", SessionStatus.RUNNING),
					new PhaseCompletion(true, reason, null, null), false))
				.isInstanceOf(RuleBroken.class)
				.satisfies((ex) -> assertThat(((RuleBroken) ex).errors()).singleElement()
					.satisfies((error) -> assertThat(error.field()).isEqualTo("reason")));
		}
	}

	@Test
	void aQaStatusIsGivenExactlyWhereThePhaseDecidesQa() {
		assertThatThrownBy(() -> require(session("review", SessionStatus.RUNNING),
				new PhaseCompletion(null, null, null, null), true))
			.isInstanceOf(RuleBroken.class)
			.satisfies((ex) -> assertThat(((RuleBroken) ex).errors().get(0).message())
				.isEqualTo("is required to complete review: qa_passed or qa_failed"));
		assertThatThrownBy(() -> require(session("plan", SessionStatus.RUNNING),
				new PhaseCompletion(null, null, "qa_passed", null), false))
			.isInstanceOf(RuleBroken.class)
			.satisfies((ex) -> assertThat(((RuleBroken) ex).errors().get(0).message())
				.isEqualTo("is only given when completing a phase that decides QA, not plan"));
		assertThatNoException().isThrownBy(() -> require(session("review", SessionStatus.RUNNING),
				new PhaseCompletion(null, null, "qa_failed", null), true));
	}

	private static void require(WorkSession session, PhaseCompletion request, boolean qa) {
		SessionManagement.requireCompletable(session, request, (phase) -> qa && phase.equals(session.currentPhase()));
	}

	private static WorkSession session(String phase, SessionStatus status) {
		OffsetDateTime now = OffsetDateTime.now();
		return new WorkSession(1, "s-1", 1L, "t-1", 1L, null, "p-1", "c-1", status, phase, 1, 1,
				JsonNodeFactory.instance.arrayNode(), null, now, null, now);
	}

}
