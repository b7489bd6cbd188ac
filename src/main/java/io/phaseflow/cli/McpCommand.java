package io.phaseflow.cli;

import java.util.concurrent.Callable;

import io.phaseflow.mcp.McpStdioServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code phaseflow mcp}: serves the Model Context Protocol over stdio for coding agents.
 */
@Command(name = "mcp", description = "Serve MCP over stdin/stdout for a coding agent (logs go to stderr).")
class McpCommand implements Callable<Integer> {

	private final Terminal terminal;

	@Option(names = "--pm", description = "Serve a PM's tools (sprints, tasks, bugs, ADRs, task status, reports) "
			+ "instead of an agent's.")
	boolean pm;

	McpCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public Integer call() {
		McpStdioServer.serve(this.terminal.env, this.pm);
		return 0;
	}

}
