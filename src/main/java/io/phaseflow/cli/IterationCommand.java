package io.phaseflow.cli;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.cli.context.ActiveContext;
import io.phaseflow.client.ApiAnswer;
import io.phaseflow.client.Json;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code phaseflow iteration start|update|list}: the active session's iteration log.
 */
@Command(name = "iteration", description = "Log, update or list the active session's iterations.")
class IterationCommand {

	private final Terminal terminal;

	IterationCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Command(name = "start", description = "Log the next iteration; it becomes the session's current one.")
	int start(@ArgGroup(exclusive = false) Report report) {
		ActiveContext context = this.terminal.session();
		ObjectNode body = Report.body(report);
		if (!body.has("status")) {
			body.put("status", "running");
		}
		return show(this.terminal.client().logIteration(context.sessionKey(), body), "started");
	}

	@Command(name = "update", description = "Update an iteration (else the latest): status, summary, usage.")
	int update(@Parameters(arity = "0..1", paramLabel = "<n>") Integer number,
			@ArgGroup(exclusive = false) Report report) {
		ActiveContext context = this.terminal.session();
		int iteration = (number != null) ? number : latest(context);
		return show(this.terminal.client().updateIteration(context.sessionKey(), iteration, Report.body(report)),
				"updated");
	}

	private int latest(ActiveContext context) {
		JsonNode logged = this.terminal.require(this.terminal.client().iterations(context.sessionKey()))
			.body()
			.path("data");
		if (logged.isEmpty()) {
			throw new CommandFailed(2, "No iteration is logged yet", "phaseflow iteration start");
		}
		return logged.get(logged.size() - 1).path("iteration_number").asInt();
	}

	@Command(name = "list", description = "The session's iterations in order.")
	int list() {
		ActiveContext context = this.terminal.session();
		return this.terminal.show(this.terminal.client().iterations(context.sessionKey()), (page) -> {
			for (JsonNode iteration : page.path("data")) {
				this.terminal.out.printf("  #%-3s %-10s %s%n", iteration.path("iteration_number").asText(),
						iteration.path("status").asText(), iteration.path("summary").asText(""));
			}
		});
	}

	private int show(ApiAnswer answer, String what) {
		return this.terminal.show(answer, (iteration) -> {
			this.terminal.out.println("✓ Iteration " + iteration.path("iteration_number").asText() + " " + what + " ("
					+ iteration.path("status").asText() + ")");
			this.terminal.brief(iteration.path("instructions"));
		});
	}

	/** What an iteration reports; each option left out is not sent. */
	static class Report {

		@Option(names = "--status", paramLabel = "<status>",
				description = "running, completed, failed, qa_pending, qa_passed or qa_failed.")
		String status;

		@Option(names = "--summary", paramLabel = "<text>")
		String summary;

		@Option(names = "--tokens-in", paramLabel = "<n>")
		Long tokensInput;

		@Option(names = "--tokens-out", paramLabel = "<n>")
		Long tokensOutput;

		@Option(names = "--cost", paramLabel = "<amount>")
		BigDecimal cost;

		static ObjectNode body(Report report) {
			ObjectNode body = Json.object();
			if (report != null) {
				putIfSet(body, "status", report.status);
				putIfSet(body, "summary", report.summary);
				if (report.tokensInput != null) {
					body.put("tokens_input", report.tokensInput);
				}
				if (report.tokensOutput != null) {
					body.put("tokens_output", report.tokensOutput);
				}
				if (report.cost != null) {
					body.put("cost", report.cost);
				}
			}
			return body;
		}

		private static void putIfSet(ObjectNode body, String field, String value) {
			if (value != null) {
				body.put(field, value);
			}
		}

	}

}
