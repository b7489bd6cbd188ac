package io.phaseflow.workflow;

import java.util.regex.Pattern;

/**
 * The shape of a name in {@code workflow.yaml}, with the message given when a name does
 * not fit.
 */
record Rule(Pattern pattern, String message) {

	static final Rule PHASE_ID = of("[a-z][a-z0-9_-]{0,39}",
			"must be 1-40 lower-case letters, digits, '_' or '-', starting with a letter");

	static final Rule FILE_NAME = of("(?!.*\\.\\.)[A-Za-z0-9][A-Za-z0-9._-]{0,99}",
			"must be a plain file name of letters, digits, '.', '_' or '-' (no path, no '..')");

	static final Rule TEMPLATE = of("(?!.*\\.\\.)[A-Za-z0-9][A-Za-z0-9._-]{0,95}\\.ftl",
			"must be a plain template file name ending in .ftl (no path, no '..')");

	static final Rule FIELD = of("[a-z_][a-z0-9_]{0,63}(\\.[a-z0-9_]{1,64}){0,4}",
			"must be a task field such as title, tags or metadata.key");

	static final Rule EVENT = of("[a-z][a-z0-9_-]{0,39}(\\.[a-z][a-z0-9_]{0,39}){1,3}",
			"must be an event name such as intake.start");

	static final Rule GROUP = of("[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
			"must be a group name of letters, digits, '.', '_' or '-'");

	private static Rule of(String regex, String message) {
		return new Rule(Pattern.compile(regex), message);
	}

	boolean accepts(String value) {
		return this.pattern.matcher(value).matches();
	}

}
