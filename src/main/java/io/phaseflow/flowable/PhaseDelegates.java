package io.phaseflow.flowable;

import java.util.List;

import io.phaseflow.common.RequestContext;
import io.phaseflow.session.PhaseCheck;
import io.phaseflow.session.phase.PhaseSteps;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of the session processes, one bean each, named as the BPMN's
 * {@code flowable:delegateExpression} names them. Each reads its variables, calls one
 * method of {@link PhaseSteps} and writes the result back.
 */
@Configuration(proxyBeanMethods = false)
class PhaseDelegates {

	@Bean
	JavaDelegate enterPhaseDelegate(PhaseSteps steps) {
		return (execution) -> steps.entered(sessionKey(execution), phase(execution));
	}

	@Bean
	JavaDelegate checkPhaseDelegate(PhaseSteps steps) {
		return (execution) -> {
			PhaseCheck check = steps.check(sessionKey(execution), phase(execution),
					Boolean.TRUE.equals(execution.getVariable(ProcessVariables.OVERRIDE_REQUESTED)),
					(String) execution.getVariable(ProcessVariables.OVERRIDE_REASON));
			execution.setVariable(ProcessVariables.PHASE_CHECK, check.result().value());
			execution.setVariable(ProcessVariables.OVERRIDE_CANDIDATE_GROUPS,
					String.join(",", check.candidateGroups()));
		};
	}

	@Bean
	JavaDelegate emitPhaseEventsDelegate(PhaseSteps steps) {
		return (execution) -> steps.declaredEvents(sessionKey(execution), phase(execution),
				(String) execution.getVariable(ProcessVariables.QA_STATUS));
	}

	@Bean
	JavaDelegate leavePhaseDelegate(PhaseSteps steps) {
		return (execution) -> steps.left(sessionKey(execution), phase(execution));
	}

	@Bean
	JavaDelegate syncFilesDelegate(PhaseSteps steps) {
		return (execution) -> steps.syncFiles(sessionKey(execution), phase(execution),
				(String) execution.getVariable(ProcessVariables.QA_STATUS));
	}

	@Bean
	JavaDelegate logOverrideDelegate(PhaseSteps steps) {
		return (execution) -> steps.overridden(sessionKey(execution), phase(execution), decision(execution));
	}

	@Bean
	JavaDelegate rejectOverrideDelegate(PhaseSteps steps) {
		return (execution) -> steps.overrideRejected(sessionKey(execution), phase(execution), decision(execution));
	}

	@Bean
	JavaDelegate markStaleDelegate(PhaseSteps steps) {
		return (execution) -> steps.stale(sessionKey(execution), phase(execution));
	}

	@Bean
	JavaDelegate startIterationDelegate(PhaseSteps steps) {
		return (execution) -> steps.iterationStarted(sessionKey(execution));
	}

	@Bean
	JavaDelegate completeSessionDelegate(PhaseSteps steps) {
		return (execution) -> steps.completed(sessionKey(execution));
	}

	/**
	 * The reviewer's decision, when a reviewer made one in this round (null when the
	 * policy needs none), by the caller who completed the approval task. The form's
	 * variables are consumed, so a later round never sees an old decision.
	 */
	private static PhaseSteps.Decision decision(DelegateExecution execution) {
		if (!PhaseCheck.Result.APPROVAL.value().equals(execution.getVariable(ProcessVariables.PHASE_CHECK))) {
			return null;
		}
		String comment = (String) execution.getVariable(ProcessVariables.COMMENT);
		execution.removeVariables(List.of(ProcessVariables.DECISION, ProcessVariables.COMMENT));
		return new PhaseSteps.Decision(RequestContext.actor(), (comment != null) ? comment : "");
	}

	private static String sessionKey(DelegateExecution execution) {
		return (String) execution.getVariable(ProcessVariables.SESSION_KEY);
	}

	private static String phase(DelegateExecution execution) {
		return (String) execution.getVariable(ProcessVariables.PHASE);
	}

}
