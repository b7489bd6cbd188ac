package io.phaseflow.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.client.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code phaseflow adr "title"}: an architecture decision record, written by the server
 * from its template under the next free number.
 */
@Command(name = "adr", description = "Write an architecture decision record, ADR-NNN-<slug>.md (PM).")
class AdrCommand implements Callable<Integer> {

	private final Terminal terminal;

	@Parameters(paramLabel = "<title>")
	String title;

	@Option(names = "--context", paramLabel = "<text>", description = "Why a decision is needed.")
	String context;

	@Option(names = "--decision", paramLabel = "<text>")
	String decision;

	@Option(names = "--consequences", paramLabel = "<text>")
	String consequences;

	@Option(names = "--status", paramLabel = "<status>",
			description = "proposed (the default), accepted, rejected, deprecated or superseded.")
	String status;

	AdrCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public Integer call() {
		ObjectNode body = Json.object().put("title", this.title);
		TaskCommand.Fields.putIfGiven(body, "context", this.context);
		TaskCommand.Fields.putIfGiven(body, "decision", this.decision);
		TaskCommand.Fields.putIfGiven(body, "consequences", this.consequences);
		TaskCommand.Fields.putIfGiven(body, "status", this.status);
		return this.terminal.show(this.terminal.client().writeAdr(body),
				(written) -> this.terminal.out.println(String.format("✓ ADR-%03d written: %s",
						written.path("number").asInt(), written.path("path").asText())),
				(refused) -> (refused.status() == 422 || refused.status() == 400)
						? "phaseflow adr \"<title>\" [--context …] [--decision …] [--status proposed|accepted|…]"
						: PmRefusals.next(refused, "PM"));
	}

}
