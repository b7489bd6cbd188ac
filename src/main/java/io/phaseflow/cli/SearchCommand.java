package io.phaseflow.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code phaseflow search "<words>"}: the events, artifacts and tasks that contain every
 * word, best first.
 */
@Command(name = "search", description = "Find events, artifacts and tasks containing every word, best first.")
class SearchCommand implements Callable<Integer> {

	private final Terminal terminal;

	@Parameters(paramLabel = "<words>", description = "Every word must occur; case and punctuation do not count.")
	String words;

	@Option(names = "--scope", paramLabel = "<scope>",
			description = "session, task, sprint (each with --code) or project (everything, the default).")
	String scope;

	@Option(names = "--code", paramLabel = "<code>", description = "The session key, task or sprint code.")
	String code;

	SearchCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public Integer call() {
		return this.terminal.show(this.terminal.client().search(this.words, this.scope, this.code), (found) -> {
			JsonNode results = found.path("results");
			if (results.isEmpty()) {
				this.terminal.out.println("Nothing contains every word of \"" + this.words + "\".");
				this.terminal.out.println("Next: fewer words, or search the whole project (no --scope)");
			}
			for (JsonNode result : results) {
				this.terminal.out.printf("%-8s %s  %s%n", result.path("kind").asText(), result.path("ref").asText(),
						result.path("title").asText());
				this.terminal.out.println("         " + result.path("snippet").asText().replaceAll("\\s+", " "));
			}
		}, (refused) -> (refused.status() == 422 || refused.status() == 400)
				? "phaseflow search \"<words>\" [--scope session|task|sprint --code <code>]"
				: PmRefusals.next(refused, "any"));
	}

}
