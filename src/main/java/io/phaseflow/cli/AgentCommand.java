package io.phaseflow.cli;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.client.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code phaseflow agent register <handle>}: an agent profile, which a token is then
 * issued for.
 */
@Command(name = "agent", description = "Register agents (PM).")
class AgentCommand {

	private final Terminal terminal;

	AgentCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Command(name = "register", description = "Register an agent profile.")
	int register(@Parameters(paramLabel = "<handle>", description = "Its code, not only digits.") String handle,
			@Option(names = "--name", paramLabel = "<name>") String name,
			@Option(names = "--kind", paramLabel = "<kind>", description = "ai (the default) or human.") String kind,
			@Option(names = "--capability", paramLabel = "<skill>",
					description = "What it can do; repeatable.") List<String> capabilities) {
		ObjectNode body = Json.object().put("handle", handle);
		if (name != null) {
			body.put("name", name);
		}
		if (kind != null) {
			body.put("kind", kind.toLowerCase(Locale.ROOT));
		}
		if (capabilities != null) {
			capabilities.forEach(body.putArray("capabilities")::add);
		}
		return this.terminal.show(this.terminal.client().registerAgent(body), (agent) -> {
			this.terminal.out.println("✓ Agent " + agent.path("handle").asText() + " registered: id "
					+ agent.path("id").asText() + " (" + agent.path("kind").asText() + ")");
			this.terminal.out.println("Next: phaseflow token issue " + agent.path("handle").asText()
					+ " --role AGENT --agent " + agent.path("handle").asText());
		}, (refused) -> switch (refused.status()) {
			case 409 -> "it is registered: phaseflow token issue " + handle + " --role AGENT --agent " + handle;
			case 400, 422 ->
				"phaseflow agent register <handle> [--kind ai|human], the handle letters, digits, " + "'.', '_' or '-'";
			default -> PmRefusals.next(refused, "PM");
		});
	}

}
