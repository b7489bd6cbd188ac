package io.phaseflow.workflow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Collects the problems of one file, so that a reader sees all of them at once.
 */
final class Problems {

	private static final Comparator<ConfigProblem> BY_LINE = Comparator.comparingInt(ConfigProblem::line);

	private final String file;

	private final List<ConfigProblem> found = new ArrayList<>();

	Problems(String file) {
		this.file = file;
	}

	void add(Node node, String path, String message) {
		add(lineOf(node), path, message);
	}

	void add(int line, String path, String message) {
		this.found.add(new ConfigProblem(this.file, line, path, message));
	}

	boolean isEmpty() {
		return this.found.isEmpty();
	}

	void throwIfAny() {
		if (!this.found.isEmpty()) {
			throw new WorkflowConfigInvalid(this.found.stream().sorted(BY_LINE).toList());
		}
	}

	static int lineOf(Node node) {
		return lineOf(node.getStartMark());
	}

	static int lineOf(Mark mark) {
		return (mark != null) ? mark.getLine() + 1 : 0;
	}

}
