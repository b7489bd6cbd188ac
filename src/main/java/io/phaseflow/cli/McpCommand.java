package io.phaseflow.cli;

import java.util.concurrent.Callable;

import io.phaseflow.mcp.McpStdioServer;
import picocli.CommandLine.Command;

/**
 * {@code phaseflow mcp}: serves the Model Context Protocol over stdio for coding agents.
 */
@Command(name = "mcp", description = "Serve MCP over stdin/stdout for a coding agent (logs go to stderr).")
class McpCommand implements Callable<Integer> {

	private final Terminal terminal;

	McpCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public Integer call() {
		McpStdioServer.serve(this.terminal.env);
		return 0;
	}

}
