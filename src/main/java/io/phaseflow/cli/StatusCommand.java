package io.phaseflow.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.phaseflow.cli.context.ActiveContext;
import io.phaseflow.client.ApiAnswer;
import io.phaseflow.client.Json;
import picocli.CommandLine.Command;

/**
 * {@code phaseflow status}: the active context and where its session stands, with the
 * next steps.
 */
@Command(name = "status", description = "Where the active session stands, and what to do next.")
class StatusCommand implements Callable<Integer> {

	private final Terminal terminal;

	StatusCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public Integer call() {
		ActiveContext context = this.terminal.context();
		if (!context.hasSession()) {
			return noSession(context);
		}
		ApiAnswer answer = this.terminal.client().session(context.sessionKey());
		if (answer.ok()) {
			this.terminal.remember(context.withSession(answer.body()));
		}
		return this.terminal.show(answer, (session) -> {
			this.terminal.out.println(
					"Session " + session.path("session_key").asText() + " on task " + session.path("task_code").asText()
							+ ((context.sprintCode() != null) ? " (sprint " + context.sprintCode() + ")" : ""));
			this.terminal.out.println("  status " + session.path("status").asText() + ", phase "
					+ session.path("current_phase").asText() + ", waiting for "
					+ session.path("waiting_for").asText("nothing") + ", iteration "
					+ session.path("current_iteration").asText() + ", agent " + session.path("agent_id").asText());
			OverrideLines.of(session.path("override")).forEach(this.terminal.out::println);
			this.terminal.guidance(session.path("instructions"));
		});
	}

	private int noSession(ActiveContext context) {
		if (this.terminal.json()) {
			ObjectNode saved = Json.object().put("sprint_code", context.sprintCode());
			saved.put("agent_id", context.agentId());
			this.terminal.out.println(Json.write(saved));
			return 0;
		}
		if (context.sprintCode() != null) {
			this.terminal.out.println("Sprint " + context.sprintCode() + " is active; no session yet.");
			this.terminal.out.println("See its tasks with phaseflow report, then phaseflow init T:<task>");
		}
		else {
			this.terminal.out
				.println("Nothing is active. Start with phaseflow init T:<task> or phaseflow init S:<sprint>");
		}
		return 0;
	}

}
