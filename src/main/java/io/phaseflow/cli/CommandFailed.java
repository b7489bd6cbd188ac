package io.phaseflow.cli;

import java.util.List;

/**
 * A command that cannot go on, with its exit code, what is wrong and the choices left.
 */
public class CommandFailed extends RuntimeException {

	private final int exitCode;

	private final List<String> choices;

	public CommandFailed(int exitCode, String message, String... choices) {
		super(message);
		this.exitCode = exitCode;
		this.choices = List.of(choices);
	}

	int exitCode() {
		return this.exitCode;
	}

	List<String> choices() {
		return this.choices;
	}

}
