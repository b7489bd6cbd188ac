package io.phaseflow.flowable.deployment;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.phaseflow.workflow.ConfigProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expressions a process may hold: the shapes the shipped processes use (a variable
 * Phaseflow sets, or its comparison with a text) and plain text; nothing else.
 */
class ProcessAllowListTest {

	@ParameterizedTest
	@ValueSource(
			strings = { "${staleAfter}", "#{agentAssignee}", "${qaStatus == 'qa_failed'}", "${'approve' != decision}",
					"${(phaseCheck == 'valid')}", "Work on phase", "costs $5 {maybe}", "\\${notEvaluated.getClass()}" })
	void theShapesPhaseflowUsesAreAllowed(String text) {
		assertThat(problems(text)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "${''.getClass()}", "${sessionKey.bytes}", "${sessionKey['bytes']}",
			"${variables:get(sessionKey)}", "${dataSource}", "${qaStatus == phaseCheck}", "${qaStatus > 'a'}",
			"${qaStatus == 'a' || true}", "${empty qaStatus}", "${x -> x}",
			"Hello ${sessionKey} ${T(java.lang.Runtime)}", "${unclosed" })
	void everythingElseIsRefusedNamingTheElement(String text) {
		assertThat(problems(text)).singleElement().satisfies((problem) -> {
			assertThat(problem.path()).isEqualTo("work");
			assertThat(problem.line()).isEqualTo(2);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "$<!-- split -->{phaseCheck.bytes}", "$<?x y?>{''.getClass()}",
			"$<![CDATA[{sessionKey.bytes}]]>" })
	void aCommentOrInstructionCannotSplitAnExpression(String text) {
		String xml = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n"
				+ "<userTask id=\"work\"><documentation>" + text + "</documentation></userTask>\n</definitions>";
		BpmnInspector.Problems problems = new BpmnInspector.Problems("test.bpmn20.xml");
		ProcessAllowList.expressions(xml.getBytes(StandardCharsets.UTF_8), problems);
		assertThat(problems.found()).singleElement()
			.satisfies((problem) -> assertThat(problem.path()).isEqualTo("work"));
	}

	private static List<ConfigProblem> problems(String text) {
		String xml = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n"
				+ "<userTask id=\"work\" name=\""
				+ text.replace("\"", "&quot;").replace("'", "&apos;").replace("<", "&lt;") + "\"/>\n</definitions>";
		BpmnInspector.Problems problems = new BpmnInspector.Problems("test.bpmn20.xml");
		ProcessAllowList.expressions(xml.getBytes(StandardCharsets.UTF_8), problems);
		return problems.found();
	}

}
