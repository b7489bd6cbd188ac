package io.phaseflow.workflow;

/**
 * One thing wrong with a configuration file.
 *
 * @param file the file's label, e.g. {@code workflow/workflow.yaml}
 * @param line the 1-based line, or 0 when the problem concerns the file as a whole
 * @param path the field path, e.g. {@code phases.research.override.approval}; empty when
 * the problem is not about one field
 * @param message what is wrong
 */
public record ConfigProblem(String file, int line, String path, String message) {

	/** Renders the problem as {@code file:line: path: message}. */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(this.file);
		if (this.line > 0) {
			text.append(':').append(this.line);
		}
		text.append(": ");
		if (!this.path.isEmpty()) {
			text.append(this.path).append(": ");
		}
		return text.append(this.message).toString();
	}

}
