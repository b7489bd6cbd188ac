package io.phaseflow.cli;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.client.ApiAnswer;
import io.phaseflow.client.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code phaseflow token issue|list|revoke}: API tokens (ADMIN). A token's secret is in
 * the answer to its issue and nowhere else, so it is printed once, on a line of its own.
 */
@Command(name = "token", description = "Issue, list and revoke API tokens (ADMIN).")
class TokenCommand {

	private static final String ROLES = "AGENT, PM, REVIEWER or ADMIN";

	private final Terminal terminal;

	TokenCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Command(name = "issue", description = "Issue a token; its secret is printed once and never again.")
	int issue(
			@Parameters(paramLabel = "<name>", description = "Who uses it (the caller's name in events).") String name,
			@Option(names = "--role", required = true, paramLabel = "<role>",
					description = ROLES + "; repeatable.") List<String> roles,
			@Option(names = "--agent", paramLabel = "<id|handle>",
					description = "The agent an AGENT token acts as.") String agent) {
		ObjectNode body = Json.object().put("name", name);
		ArrayNode list = body.putArray("roles");
		roles.forEach((role) -> list.add(role.toUpperCase(Locale.ROOT)));
		if (agent != null) {
			body.put("agent_id", agentId(agent));
		}
		return this.terminal.show(this.terminal.client().issueToken(body), (token) -> {
			this.terminal.out.println("✓ Token " + token.path("name").asText() + " issued: id "
					+ token.path("id").asText() + ", roles " + roles(token)
					+ (token.hasNonNull("agent_id") ? ", agent " + token.path("agent_id").asText() : ""));
			this.terminal.out.println("Its secret, shown only now (store it; PHASEFLOW_TOKEN for the CLI):");
			this.terminal.out.println();
			this.terminal.out.println("    " + token.path("token").asText());
			this.terminal.out.println();
			this.terminal.out.println("Revoke it with: phaseflow token revoke " + token.path("id").asText());
		}, (refused) -> switch (refused.status()) {
			case 400, 422 -> "phaseflow token issue <name> --role " + ROLES.replace(", ", "|").replace(" or ", "|")
					+ " [--agent <id|handle>]";
			case 404 -> "no such agent: phaseflow agent register <handle> first";
			default -> PmRefusals.next(refused, "ADMIN");
		});
	}

	@Command(name = "list", description = "The tokens, never their secrets.")
	int list() {
		return this.terminal.show(this.terminal.client().tokens(), (page) -> {
			for (JsonNode token : page.path("data")) {
				this.terminal.out.printf("  %-6s %-32s %-22s %-8s %s%n", token.path("id").asText(),
						token.path("name").asText(), roles(token),
						token.hasNonNull("agent_id") ? "agent " + token.path("agent_id").asText() : "",
						token.hasNonNull("revoked_at") ? "revoked " + token.path("revoked_at").asText() : "active");
			}
		}, (refused) -> PmRefusals.next(refused, "ADMIN"));
	}

	@Command(name = "revoke", description = "Revoke a token: it stops working at once.")
	int revoke(@Parameters(paramLabel = "<id>", description = "Its id (phaseflow token list).") long id) {
		return this.terminal.show(this.terminal.client().revokeToken(id),
				(token) -> this.terminal.out
					.println("✓ Token " + id + " (" + token.path("name").asText() + ") revoked: it stops working now."),
				(refused) -> (refused.status() == 404) ? "phaseflow token list shows the ids"
						: PmRefusals.next(refused, "ADMIN"));
	}

	/** The agent's id: digits are one, anything else is a handle the server resolves. */
	private long agentId(String agent) {
		if (agent.strip().matches("\\d{1,18}")) {
			return Long.parseLong(agent.strip());
		}
		ApiAnswer found = this.terminal.client().agent(agent.strip());
		if (found.status() == 404) {
			throw new CommandFailed(found.exitCode(), "No agent " + agent.strip() + " is registered",
					"phaseflow agent register " + agent.strip() + "   then issue the token again");
		}
		return this.terminal.require(found).body().path("id").asLong();
	}

	private static String roles(JsonNode token) {
		return String.join(",", Json.texts(token.path("roles")));
	}

}
