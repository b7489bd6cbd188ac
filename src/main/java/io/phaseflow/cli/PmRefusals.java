package io.phaseflow.cli;

import io.phaseflow.client.ApiAnswer;

/**
 * The next step after a refusal that the PM commands share: a token without the role a
 * call needs, and a server that failed.
 */
final class PmRefusals {

	private PmRefusals() {
	}

	/**
	 * The step for a refusal no command knows better, or null when the problem already
	 * says it (a refused token names PHASEFLOW_TOKEN).
	 */
	static String next(ApiAnswer refused, String role) {
		if (refused.status() == 403) {
			return "run it with a token that has the " + role + " role (PHASEFLOW_TOKEN; an ADMIN's may do anything)";
		}
		if (refused.status() >= 500) {
			return "run it again: the server failed, and a repeated write is done once";
		}
		return null;
	}

}
