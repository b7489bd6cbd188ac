package io.phaseflow.cli;

import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import io.phaseflow.cli.context.ActiveContext;
import io.phaseflow.client.ApiAnswer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code phaseflow init T:<task>} starts or continues the task's session;
 * {@code phaseflow init S:<sprint>} shows the sprint and makes it the active one.
 */
@Command(name = "init", description = "Init on a task (T:<task>: start or continue its session) or a sprint "
		+ "(S:<sprint>); later commands apply to it.")
class InitCommand implements Callable<Integer> {

	private final Terminal terminal;

	@Parameters(paramLabel = "T:<task>|S:<sprint>", description = "What to work on.")
	String target;

	@Option(names = "--agent", paramLabel = "<id|handle>", description = "The agent you are (else PHASEFLOW_AGENT).")
	String agent;

	@Option(names = "--take-over", description = "Take the task's active session over from the agent that holds it "
			+ "(only if that agent stopped: its calls are refused from then on).")
	boolean takeOver;

	InitCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public Integer call() {
		int colon = this.target.indexOf(':');
		String kind = (colon == 1) ? this.target.substring(0, 1).toUpperCase(Locale.ROOT) : "";
		String code = this.target.substring(colon + 1).strip();
		if (!(kind.equals("T") || kind.equals("S")) || code.isEmpty()) {
			throw new CommandFailed(2, "Say what to init on: T:<task> or S:<sprint>, not " + this.target);
		}
		Long agentId = this.terminal.agentId(this.agent);
		boolean task = kind.equals("T");
		if (task) {
			// the server refuses an init on an unknown task as invalid (422); to the
			// agent it is a task that is not there
			ApiAnswer known = this.terminal.client().task(code);
			if (known.status() == 404) {
				return this.terminal.show(known, (ignored) -> {
				});
			}
		}
		if (this.takeOver && !task) {
			throw new CommandFailed(2, "--take-over takes over a task's session: phaseflow init T:<task> --take-over");
		}
		ApiAnswer answer = this.takeOver ? this.terminal.client().initTakingOver(code, agentId)
				: this.terminal.client().init(task ? "task" : "sprint", code, agentId);
		if (answer.ok()) {
			this.terminal.remember(task ? taskContext(answer.body())
					: this.terminal.context()
						.withAgent(agentId)
						.withSprint(answer.body().at("/context/sprint/code").asText(code)));
		}
		return this.terminal.show(answer, task ? this::printTask : this::printSprint);
	}

	private static ActiveContext taskContext(JsonNode init) {
		return new ActiveContext(init.at("/context/sprint/code").asText(null), init.at("/session/entity_code").asText(),
				init.at("/session/key").asText(), init.at("/session/agent_id").asLong(),
				init.at("/session/current_phase").asText(null));
	}

	private void printTask(JsonNode body) {
		JsonNode session = body.path("session");
		JsonNode context = body.path("context");
		boolean continued = session.path("continued").asBoolean();
		String how = session.path("taken_over").asBoolean()
				? "taken over from agent " + RecoveryLines.agent(context.path("previous_agent"))
				: continued ? "continued" : "started";
		this.terminal.out.println("Session " + session.path("key").asText() + " on task "
				+ session.path("entity_code").asText() + " (" + how + "), agent " + session.path("agent_id").asText());
		this.terminal.out.println("Task: " + context.at("/task/title").asText());
		RecoveryLines.of(context, continued).forEach(this.terminal.out::println);
		this.terminal.guidance(body.path("instructions"));
	}

	private void printSprint(JsonNode body) {
		JsonNode context = body.path("context");
		ReportCommand.print(this.terminal, context.at("/sprint/code").asText(), context.at("/sprint/title").asText(),
				context.at("/sprint/status").asText(), context.path("summary"), context.path("tasks"));
		this.terminal.list("Next steps:", context.path("next_steps"));
	}

}
