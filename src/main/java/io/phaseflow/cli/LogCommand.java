package io.phaseflow.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.phaseflow.cli.context.ActiveContext;
import io.phaseflow.client.ApiAnswer;
import io.phaseflow.client.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code phaseflow log <activity_type> [json]}: logs an activity of the active session,
 * e.g. {@code phaseflow log code_generated '{"files_created": 3}'}.
 */
@Command(name = "log", description = "Log an activity of the active session.")
class LogCommand implements Callable<Integer> {

	private final Terminal terminal;

	@Parameters(index = "0", paramLabel = "<activity_type>", description = "A lower-case name, e.g. tests_run.")
	String type;

	@Parameters(index = "1", arity = "0..1", paramLabel = "<json>", description = "Details, a JSON object.")
	String details;

	@Option(names = "--description", paramLabel = "<text>", description = "A one-line account.")
	String description;

	LogCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public Integer call() {
		ActiveContext context = this.terminal.session();
		ApiAnswer answer = this.terminal.client()
			.logActivity(context.sessionKey(), this.type, details(), this.description);
		return this.terminal.show(answer, (item) -> {
			this.terminal.out.println("✓ Logged " + item.path("type").asText(this.type) + " (work item #"
					+ item.path("id").asText() + ")");
			this.terminal.brief(item.path("instructions"));
		});
	}

	private JsonNode details() {
		if (this.details == null) {
			return null;
		}
		try {
			JsonNode parsed = Json.parse(this.details);
			if (parsed != null && parsed.isObject()) {
				return parsed;
			}
		}
		catch (JsonProcessingException ex) {
			// explained below
		}
		throw new CommandFailed(2, "The details must be a JSON object, e.g. '{\"files_created\": 3}'");
	}

}
